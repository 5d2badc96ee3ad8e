import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCjkFonts } from '../../src/lib/documents/cjk-font.js';
import { createTestApp, TestApp } from '../support/app.js';
import { CHECKLIST, makeItem } from '../support/items.js';
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
