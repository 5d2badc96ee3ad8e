/**
 * An A4 PDF with the system's CJK fonts registered as 'body' and 'heading', and the
 * finished file as a Buffer once `doc.end()` is called. Null when no CJK font is installed.
 *
 * The PDF is tagged (PDF/UA-style, as far as pdfkit goes): document language zh-CN, the title
 * shown as the window title, a structure tree under one Document element, page furniture
 * (rules, borders) marked as artifacts. Callers describe structure with `tag()`; text drawn
 * with a plain `doc.text()` outside any element still lands in the tree, as a paragraph, so
 * every word a screen reader can reach is in reading order.
 */
import PDFDocument from 'pdfkit';
import { findCjkFonts } from './cjk-font.js';

/** Structure types used here (ISO 32000-1 §14.8.4). */
export type StructureType = 'H1' | 'H2' | 'H3' | 'P' | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Caption' | 'Note';

export interface CjkPdf {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
  /** The document's root structure element. */
  root: PDFKit.PDFStructureElement;
  /**
   * Adds a structure element under `parent` (the root when omitted); `draw` puts its content
   * on the page. Without `draw` the element is a container (a table, a row) for further tags.
   */
  tag(type: StructureType, options?: { parent?: PDFKit.PDFStructureElement; draw?: () => void; attributes?: Record<string, unknown> }): PDFKit.PDFStructureElement;
  /** Draws what is not content (borders, rules) as an artifact, skipped by assistive technology. */
  artifact(draw: () => void): void;
}

export function startCjkPdf(options: { title: string; author: string; margins: { top: number; bottom: number; left: number; right: number }; lang?: string }): CjkPdf | null {
  const fonts = findCjkFonts();
  if (!fonts) return null;
  const doc = new PDFDocument({
    size: 'A4', margins: options.margins, info: { Title: options.title, Author: options.author },
    pdfVersion: '1.7', tagged: true, lang: options.lang ?? 'zh-CN', displayTitle: true,
  });
  doc.registerFont('body', fonts.body.path, fonts.body.family);
  doc.registerFont('heading', fonts.heading.path, fonts.heading.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const root = doc.struct('Document');
  doc.addStructure(root);
  // Inside a tag's drawing, doc.text is the element's content; outside, it becomes a paragraph of its own.
  let drawing = 0;
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  const within = (draw: () => void) => () => {
    drawing += 1;
    try {
      draw();
    } finally {
      drawing -= 1;
    }
  };
  (doc as unknown as { text: (...args: unknown[]) => PDFKit.PDFDocument }).text = (...args: unknown[]) => {
    if (drawing > 0) return text(...args);
    root.add(doc.struct('P', {}, within(() => text(...args))));
    return doc;
  };

  function tag(type: StructureType, o: { parent?: PDFKit.PDFStructureElement; draw?: () => void; attributes?: Record<string, unknown> } = {}) {
    const element = o.draw ? doc.struct(type, {}, within(o.draw)) : doc.struct(type);
    // Attributes (e.g. a header cell's Scope and spans), which pdfkit's options do not cover.
    if (o.attributes) (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', ...o.attributes };
    (o.parent ?? root).add(element);
    return element;
  }

  function artifact(draw: () => void) {
    doc.markContent('Artifact');
    within(draw)();
    doc.endMarkedContent();
  }

  return { doc, done, root, tag, artifact };
}
