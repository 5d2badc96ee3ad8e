/** Text of attachments, for full-text search (PDF via pdf.js, DOCX and XLSX from their XML). */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FileKind } from './file-types.js';

const MAX_TEXT = 200_000;

async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= Math.min(doc.numPages, 200); i += 1) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return parts.join('\n');
}

async function docxText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function xlsxText(data: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => lines.push((row.values as unknown[]).filter((v) => v != null).map(String).join(' '))));
  return lines.join('\n');
}

/** Best effort: a file whose text cannot be read is still stored, only not searchable. */
export async function extractText(kind: FileKind, data: Buffer): Promise<string> {
  try {
    const text = kind === 'pdf' ? await pdfText(data) : kind === 'docx' ? await docxText(data) : kind === 'xlsx' ? await xlsxText(data) : '';
    return text.slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}
