/**
 * An A4 PDF with the system's CJK fonts registered as 'body' and 'heading', and the
 * finished file as a Buffer once `doc.end()` is called. Null when no CJK font is installed.
 */
import PDFDocument from 'pdfkit';
import { findCjkFonts } from './cjk-font.js';

export interface CjkPdf {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
}

export function startCjkPdf(options: { title: string; author: string; margins: { top: number; bottom: number; left: number; right: number } }): CjkPdf | null {
  const fonts = findCjkFonts();
  if (!fonts) return null;
  const doc = new PDFDocument({ size: 'A4', margins: options.margins, info: { Title: options.title, Author: options.author } });
  doc.registerFont('body', fonts.body.path, fonts.body.family);
  doc.registerFont('heading', fonts.heading.path, fonts.heading.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}
