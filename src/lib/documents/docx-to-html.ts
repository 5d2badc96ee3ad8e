/**
 * A Word document (.docx, as Word and WPS save a 公文) as simple HTML for an item's body:
 * paragraphs, headings, bold and italic, lists and tables, with Word's styling dropped.
 * The caller sanitises the result like any body.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocxHtml {
  html: string;
  /** Pictures in the document: the body carries text only (they can be attached instead). */
  images: number;
}

/**
 * Headings one level down: the page's own title is the item's h1. Chinese Word and WPS name the
 * built-in heading styles the same way internally ("heading 1" shows as 标题 1).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h2:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h4:fresh",
  'u => u',
];

/** True when the bytes are a Word document: a ZIP package with a main document part. */
export async function isDocx(data: Buffer): Promise<boolean> {
  if (!data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return false;
  try {
    const zip = await JSZip.loadAsync(data);
    return !!zip.file('word/document.xml');
  } catch {
    return false;
  }
}

/** Converts a Word document; throws when the package cannot be read. */
export async function docxToHtml(data: Buffer): Promise<DocxHtml> {
  let images = 0;
  const result = await mammoth.convertToHtml({ buffer: data }, {
    styleMap: STYLE_MAP,
    ignoreEmptyParagraphs: true,
    // Never read files the document links to from the server's disk.
    externalFileAccess: false,
    convertImage: mammoth.images.imgElement(async () => {
      images += 1;
      return { src: '' };
    }),
  });
  return { html: result.value, images };
}
