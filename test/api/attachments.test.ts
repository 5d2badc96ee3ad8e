import PDFDocument from 'pdfkit';
import JSZip from 'jszip';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCjkFonts } from '../../src/lib/documents/cjk-font.js';
import { createTestApp, TestApp } from '../support/app.js';
import { advanceItem, CHECKLIST, makeItem } from '../support/items.js';
import { multipartFile } from '../support/multipart.js';

const VALID_ID = '11010519491231002X';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

async function pdfWith(text: string): Promise<Buffer> {
  const fonts = findCjkFonts();
  const doc = new PDFDocument();
  if (fonts) doc.registerFont('cjk', fonts.body.path, fonts.body.family).font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

async function upload(id: number, fileName: string, data: Buffer) {
  const body = multipartFile('file', fileName, data);
  return t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/attachments`, headers: { ...(await t.auth('clerk')), ...body.headers }, payload: body.payload });
}

describe('attachments', () => {
  it('are read by the staff who review the draft, and by no one outside its body', async () => {
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: await t.auth('clerk'), payload: makeItem({ title: '附件测试：审核时查看附件' }) })).json().id;
    const data = await pdfWith('审核时查看的附件');
    const added = (await upload(id, '待审附件.pdf', data)).json();
    const url = `/api/v1/items/${id}/attachments/${added.attachments[0].id}`;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/submit`, headers: await t.auth('clerk') })).statusCode).toBe(200);
    for (const user of ['depthead', 'reviewer', 'leader', 'clerk'] as const) {
      const file = await t.app.inject({ url, headers: await t.auth(user) });
      expect(file.statusCode, user).toBe(200);
      expect(file.headers['content-type'], user).toBe('application/pdf');
      expect(file.headers['content-disposition'], user).toContain(encodeURIComponent('待审附件.pdf'));
      expect(Buffer.compare(file.rawPayload, data), user).toBe(0);
    }
    // Another body's clerk: the draft, and so its file, does not exist for them; the public cannot read drafts.
    expect((await t.app.inject({ url, headers: await t.auth('clerk2') })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/items/${id}/attachments/999999`, headers: await t.auth('reviewer') })).statusCode).toBe(404);
  });

  it('accepts PDF and DOCX by their content, scans and indexes their text, and serves them once published', async () => {
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: await t.auth('clerk'), payload: makeItem({ title: '附件测试：年度资金分配表' }) })).json().id;
    const pdf = await upload(id, '资金分配表.pdf', await pdfWith(`专项资金分配明细。联系人身份证号${VALID_ID}。`));
    expect(pdf.statusCode).toBe(200);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('乡村振兴衔接资金使用说明')] }] }));
    const withDocx = await upload(id, '说明.docx', docx);
    expect(withDocx.json().attachments.map((a: { kind: string }) => a.kind)).toEqual(['pdf', 'docx']);
    const finding = withDocx.json().findings.find((f: { source: string }) => f.source.startsWith('attachment:'));
    expect(finding).toMatchObject({ type: 'idCard', status: 'open' });

    // Attachments cannot be masked in place: the finding is kept with a reason (audited) or the file replaced.
    const redact = await t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/findings/${finding.id}`, headers: await t.auth('clerk'), payload: { resolution: 'redact' } });
    expect(redact.statusCode).toBe(400);
    const accept = await t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/findings/${finding.id}`, headers: await t.auth('clerk'), payload: { resolution: 'accept', reason: '经本人书面同意公开（条例第十五条）' } });
    expect(accept.statusCode).toBe(200);

    for (const [user, payload] of [['clerk', null], ['depthead', { decision: 'approve' }], ['reviewer', { decision: 'approve', checklist: CHECKLIST }], ['leader', { decision: 'approve' }]] as const) {
      const url = payload ? `/api/v1/items/${id}/review` : `/api/v1/items/${id}/submit`;
      expect((await t.app.inject({ method: 'POST', url, headers: await t.auth(user), payload: payload ?? {} })).statusCode).toBe(200);
    }
    const found = (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('乡村振兴衔接资金')}`)).json().items;
    expect(found.map((i: { title: string }) => i.title)).toEqual(['附件测试：年度资金分配表']);
    const item = (await t.app.inject(`/api/v1/catalog/${encodeURIComponent(found[0].indexNo)}`)).json();
    expect(item.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['资金分配表.pdf', '说明.docx']);
    const file = await t.app.inject(item.attachments[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a disguised file and anything but the five formats', async () => {
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: await t.auth('clerk'), payload: makeItem() })).json().id;
    const exe = await upload(id, '通知.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('ATTACHMENT_TYPE');
    const html = await upload(id, 'page.png', Buffer.from('<script>alert(1)</script>'));
    expect(html.statusCode).toBe(415);
    const body = multipartFile('file', 'a.pdf', await pdfWith('x'));
    const other = await t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/attachments`, headers: { ...(await t.auth('clerk2')), ...body.headers }, payload: body.payload });
    expect(other.statusCode).toBe(404);
  });
});

describe('attachments after a correction', () => {
  it('keeps a corrected item findable by its attachments\' text', async () => {
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: await t.auth('clerk'), payload: makeItem({ title: '更正测试：资金拨付通知' }) })).json().id;
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('高标准农田建设补助资金拨付明细')] }] }));
    expect((await upload(id, '拨付明细.docx', docx)).statusCode).toBe(200);
    const published = await advanceItem(t, id, 'published');
    const search = async () => (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('高标准农田建设补助')}`)).json().items.map((i: { indexNo: string }) => i.indexNo);
    expect(await search()).toEqual([published.indexNo]);
    const corrected = await t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/correct`, headers: await t.auth('office'), payload: { title: '更正测试：资金拨付通知（更正）', changeNote: '更正标题' } });
    expect(corrected.statusCode).toBe(200);
    expect(await search()).toEqual([published.indexNo]);
    // The new title is searchable too.
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('资金拨付通知（更正）')}`)).json().items.map((i: { indexNo: string }) => i.indexNo)).toContain(published.indexNo);
  });
});

describe('importing a Word document as the body', () => {
  async function importDocx(fileName: string, data: Buffer, user: 'clerk' | 'depthead' = 'clerk') {
    const body = multipartFile('file', fileName, data);
    return t.app.inject({ method: 'POST', url: '/api/v1/items/import-docx', headers: { ...(await t.auth(user)), ...body.headers }, payload: body.payload });
  }

  it('turns a 公文 written in Word into clean body markup: headings, emphasis, lists and tables, no styling or script', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ text: '示例县财政局关于下达2026年农业补贴资金的通知', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('各乡镇财政所：'), new TextRun({ text: '请于3月31日前', bold: true }), new TextRun({ text: '完成发放', color: 'FF0000', font: '仿宋_GB2312', size: 32 })] }),
          new Paragraph({ text: '一、补贴对象', heading: HeadingLevel.HEADING_2 }),
          new Paragraph(`联系人：李四，身份证号${VALID_ID}。`),
          new Paragraph('<script>alert(1)</script>'),
          new Table({ rows: [
            new TableRow({ children: [new TableCell({ children: [new Paragraph('乡镇')] }), new TableCell({ children: [new Paragraph('金额（万元）')] })] }),
            new TableRow({ children: [new TableCell({ children: [new Paragraph('城关镇')] }), new TableCell({ children: [new Paragraph('12.5')] })] }),
          ] }),
        ],
      }],
    });
    const res = await importDocx('农业补贴通知.docx', await Packer.toBuffer(doc));
    expect(res.statusCode).toBe(200);
    const { bodyHtml, suggestedTitle, findings } = res.json();
    expect(bodyHtml).toContain('<h2>示例县财政局关于下达2026年农业补贴资金的通知</h2>');
    expect(bodyHtml).toContain('<h3>一、补贴对象</h3>');
    expect(bodyHtml).toContain('<strong>请于3月31日前</strong>');
    expect(bodyHtml).toMatch(/<table>[\s\S]*<td><p>城关镇<\/p><\/td>[\s\S]*<\/table>/);
    expect(bodyHtml).not.toMatch(/style=|class=|font|color|<script/i);
    expect(bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(suggestedTitle).toBe('示例县财政局关于下达2026年农业补贴资金的通知');
    // The scan runs on the imported text at once, before anything is saved.
    expect(findings).toEqual([{ type: 'idCard', typeLabel: '身份证号', masked: '110105********002X' }]);
  });

  it('refuses anything that is not a Word document by its content, whatever its name', async () => {
    const pdf = await importDocx('通知.docx', await pdfWith('不是 Word 文档'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'DOCX_REQUIRED' });
    expect(pdf.json().message).toContain('.docx');
    // A ZIP without a Word document inside (e.g. a spreadsheet renamed .docx).
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const notWord = await importDocx('表格.docx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(notWord.statusCode).toBe(415);
    // A package that claims to be Word but cannot be read.
    const broken = new JSZip();
    broken.file('word/document.xml', '<not-xml');
    const unreadable = await importDocx('损坏.docx', await broken.generateAsync({ type: 'nodebuffer' }));
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().code).toBe('DOCX_UNREADABLE');
    expect((await importDocx('a.docx', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })), 'depthead')).statusCode).toBe(403);
  });
});
