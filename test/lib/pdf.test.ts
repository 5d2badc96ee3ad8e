/** The PDF starter every generated PDF uses (annual reports, request notices). */
import { describe, expect, it } from 'vitest';
import { startCjkPdf } from '../../src/lib/documents/pdf.js';
import { pdfStructure, pdfText } from '../support/documents.js';

describe('startCjkPdf', () => {
  it('makes a tagged PDF in which text written the plain way (as the notices do) is a paragraph of the structure tree', async () => {
    const pdf = startCjkPdf({ title: '政府信息公开申请答复书', author: '示例县财政局', margins: { top: 72, bottom: 72, left: 72, right: 72 } })!;
    const { doc, tag, artifact } = pdf;
    tag('H1', { draw: () => doc.font('heading').fontSize(20).text('政府信息公开申请答复书', { align: 'center' }) });
    artifact(() => doc.moveTo(72, doc.y).lineTo(500, doc.y).stroke());
    doc.font('body').fontSize(14).text('张三：').text('本机关于2026年3月2日收到您的申请。');
    doc.end();
    const file = await pdf.done;
    const structure = await pdfStructure(file);
    expect(structure).toMatchObject({ marked: true, lang: 'zh-CN', title: '政府信息公开申请答复书', displayDocTitle: true });
    expect(structure.pages[0]).toEqual(['Document', 'H1', 'P', 'P']);
    expect(pdfText(file).replace(/\s+/g, '')).toContain('本机关于2026年3月2日收到您的申请。');
  });
});
