/** Reading generated documents back in tests: PDF text through poppler's pdftotext, DOCX XML through JSZip. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'd.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function docxXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

/**
 * The accessibility structure of a PDF as pdf.js reads it: MarkInfo, the catalog's language
 * and title, each page's structure roles in reading order (depth first), and the Scope
 * attributes of header cells (read from the file: pdfkit writes the structure uncompressed).
 */
export async function pdfStructure(pdf: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 }).promise;
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string; Language?: string };
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const roles: string[] = [];
      const walk = (node: { role?: string; children?: unknown[] }) => {
        if (node.role && node.role !== 'Root') roles.push(node.role);
        for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
      };
      walk(await (await doc.getPage(n)).getStructTree());
      pages.push(roles);
    }
    const raw = pdf.toString('latin1');
    return {
      marked: (await doc.getMarkInfo())?.Marked === true,
      lang: info.Language,
      title: info.Title,
      displayDocTitle: /\/DisplayDocTitle true/.test(raw),
      pages,
      headerScopes: [...new Set([...raw.matchAll(/\/Scope \/(\w+)/g)].map((m) => m[1]))],
    };
  } finally {
    await doc.destroy();
  }
}
