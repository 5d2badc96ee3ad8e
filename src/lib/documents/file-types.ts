/**
 * What an uploaded file really is, from its first bytes (never from its name or the
 * browser's claim): a renamed executable is not a PDF.
 */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';

export const MIME: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

export function sniffFileKind(data: Buffer, fileName: string): FileKind | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    // Office files are ZIP containers: tell them apart by the part they must contain.
    const text = data.toString('latin1');
    if (text.includes('word/')) return 'docx';
    if (text.includes('xl/')) return 'xlsx';
    return /\.docx$/i.test(fileName) ? 'docx' : /\.xlsx$/i.test(fileName) ? 'xlsx' : null;
  }
  return null;
}
