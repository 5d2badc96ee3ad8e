/**
 * 回应关切: a press conference as a record of a concern — time, place, speakers, transcript (privacy-scanned),
 * photos and attachments checked by content — published as a draft catalog item that goes through review.
 * A press conference on record meets the concern's 24-hour clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, json, type TestApp } from '../support/app.js';
import { advanceItem } from '../support/items.js';
import { multipartFile } from '../support/multipart.js';

const clock = Date.parse('2026-10-02T10:00:00Z'); // 18:00 on 10-02 in China
let t: TestApp;
let office: Record<string, string>;
let both: Record<string, string>;
let concernId: number;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
  office = await t.auth('office');
  const admin = await t.auth('admin');
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'xwb', displayName: '县政务公开办信息员', orgCode: DEMO_COUNTY_CODE, roles: ['disclosureOffice', 'clerk'], password: 'Xinwen-Passw0rd!' } });
  expect(created.statusCode).toBe(201);
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'xwb', password: 'Xinwen-Passw0rd!' } });
  both = { authorization: `Bearer ${json(login).token}` };
  const concern = await t.app.inject({ method: 'POST', url: '/api/v1/concerns', headers: office, payload: { orgCode: DEMO_COUNTY_CODE, title: '某镇突发山洪灾害', level: 'major', startedAt: '2026-10-01T22:00:00+08:00', spokesperson: '县长 张某' } });
  concernId = json(concern).id;
});
afterAll(async () => t.close());

const records = (headers = office) => t.app.inject({ url: `/api/v1/concerns/${concernId}/press-records`, headers });

describe('press conferences and interviews of a concern', () => {
  let recordId: number;

  it('registers a press conference with its time, place, speakers and transcript, and scans the transcript', async () => {
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concernId}/press-records`, headers: office, payload: { kind: 'pressConference', title: '发布会', heldAt: '2026-10-01T20:00:00+08:00' } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).details[0]).toMatchObject({ path: 'heldAt', message: '举行时间不能早于事件发生时间。' });
    const supervisor = await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concernId}/press-records`, headers: await t.auth('supervisor'), payload: { kind: 'pressConference', title: '发布会', heldAt: '2026-10-02T15:00:00+08:00' } });
    expect(supervisor.statusCode).toBe(403);

    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/concerns/${concernId}/press-records`, headers: office,
      payload: {
        kind: 'pressConference', title: '山洪灾害抢险救援情况新闻发布会', heldAt: '2026-10-02T15:00:00+08:00', place: '县政府新闻发布厅', speakers: '县长 张某；县应急管理局局长 李某',
        transcript: '张某：10月1日晚，某镇突降暴雨。\n记者：受灾群众如何联系？\n李某：请拨打13812345678联系救援队。',
      },
    });
    expect(res.statusCode).toBe(201);
    const [record] = json(res).items;
    recordId = record.id;
    expect(record).toMatchObject({ kind: 'pressConference', kindLabel: '新闻发布会', place: '县政府新闻发布厅', speakers: '县长 张某；县应急管理局局长 李某', item: null, files: [] });
    expect(record.findings).toEqual([expect.objectContaining({ type: 'mobile', typeLabel: '手机号码', masked: '138****5678' })]);
    // The conference, 17 hours after the start, meets the 24-hour clock (and, late, the 5-hour one).
    const concern = json(await t.app.inject({ url: `/api/v1/concerns/${concernId}`, headers: office }));
    expect(concern.deadlines).toMatchObject([
      { kind: 'information', state: 'metLate', metAt: '2026-10-02T07:00:00.000Z' },
      { kind: 'pressConference', state: 'met', stateLabel: '按时完成', metAt: '2026-10-02T07:00:00.000Z' },
    ]);
    expect(json(await records(await t.auth('supervisor'))).items).toHaveLength(1);
    expect((await records(await t.auth('clerk'))).statusCode).toBe(403);
  });

  it('takes photos and attachments by their content, not their names', async () => {
    const upload = (role: string, name: string, data: Buffer) => {
      const body = multipartFile('file', name, data);
      return t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concernId}/press-records/${recordId}/files?role=${role}`, headers: { ...office, ...body.headers }, payload: body.payload });
    };
    const fake = await upload('photo', '现场.png', Buffer.from('MZ\x90\x00 not an image'));
    expect(fake.statusCode).toBe(415);
    const pdfAsPhoto = await upload('photo', '现场.jpg', PDF);
    expect(pdfAsPhoto.statusCode).toBe(415);
    expect(json(pdfAsPhoto).details[0].message).toContain('照片只能是 PNG 或 JPEG');
    expect((await upload('photo', '发布会现场.png', PNG)).statusCode).toBe(200);
    const res = await upload('attachment', '发布会通稿.pdf', PDF);
    expect(res.statusCode).toBe(200);
    const files = json(res).items[0].files;
    expect(files.map((f: any) => [f.roleLabel, f.fileName, f.kind])).toEqual([['照片', '发布会现场.png', 'png'], ['附件', '发布会通稿.pdf', 'pdf']]);
    const download = await t.app.inject({ url: files[1].url, headers: await t.auth('supervisor') });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('publishes the record as a draft 政策解读 item that goes through review, linked back to the record', async () => {
    const url = `/api/v1/concerns/${concernId}/press-records/${recordId}/publish`;
    expect((await t.app.inject({ method: 'POST', url, headers: office, payload: { category: '政策解读' } })).statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'POST', url, headers: both, payload: { category: '财政预决算与三公经费' } });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).details[0].path).toBe('category');

    const res = await t.app.inject({ method: 'POST', url, headers: both, payload: { category: '政策解读', topic: '民政、扶贫、救灾' } });
    expect(res.statusCode).toBe(201);
    const record = json(res).items[0];
    expect(record.item).toMatchObject({ title: '某镇突发山洪灾害新闻发布会：山洪灾害抢险救援情况新闻发布会', status: 'draft', statusLabel: '草稿' });

    const item = json(await t.app.inject({ url: `/api/v1/items/${record.item.id}`, headers: both }));
    expect(item).toMatchObject({ status: 'draft', disclosure: 'proactive', category: '政策解读', topic: '民政、扶贫、救灾', orgCode: DEMO_COUNTY_CODE });
    expect(item.bodyHtml).toContain('<p>地点：县政府新闻发布厅</p>');
    expect(item.bodyHtml).toContain('<p>时间：2026年10月2日 15:00</p>');
    expect(item.attachments.map((a: any) => a.fileName)).toEqual(['发布会现场.png', '发布会通稿.pdf']);
    // The phone number in the transcript holds the item at the draft step until it is redacted (条例第十五条).
    expect(item.findings.map((f: any) => f.type)).toEqual(['mobile']);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/items/${record.item.id}/submit`, headers: both })).statusCode).toBe(409);

    // A second click makes nothing: the draft already made comes back, as it was.
    const again = await t.app.inject({ method: 'POST', url, headers: both, payload: { category: '工作动态' } });
    expect(again.statusCode).toBe(200);
    expect(json(again).items[0].item).toMatchObject({ id: record.item.id, status: 'draft' });
    expect(json(await t.app.inject({ url: `/api/v1/items/${record.item.id}`, headers: both })).category).toBe('政策解读');
  });

  it('makes one draft, its link and its audit entries in one transaction when two clicks arrive at once', async () => {
    const made = await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concernId}/press-records`, headers: office, payload: { kind: 'pressQa', title: '县应急管理局答记者问', heldAt: '2026-10-02T16:00:00+08:00', transcript: '问：转移安置了多少群众？\n答：已转移安置1200人。' } });
    const second = json(made).items.find((r: any) => r.kind === 'pressQa');
    const attach = multipartFile('file', '答记者问现场.png', PNG);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concernId}/press-records/${second.id}/files?role=photo`, headers: { ...office, ...attach.headers }, payload: attach.payload })).statusCode).toBe(200);
    const url = `/api/v1/concerns/${concernId}/press-records/${second.id}/publish`;
    const [a, b] = await Promise.all([0, 1].map(() => t.app.inject({ method: 'POST', url, headers: both, payload: { category: '工作动态' } })));
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const ids = [a, b].map((r) => json(r).items.find((x: any) => x.id === second.id).item.id);
    expect(ids[0]).toBe(ids[1]);
    // Exactly one draft with that title, one attachment, and one set of audit entries: the loser left nothing behind.
    const drafts = await t.db.selectFrom('infoItems').select('id').where('title', '=', '某镇突发山洪灾害答记者问：县应急管理局答记者问').execute();
    expect(drafts.map((d) => d.id)).toEqual([ids[0]]);
    expect(await t.db.selectFrom('itemAttachments').select('fileName').where('itemId', '=', ids[0]).execute()).toEqual([{ fileName: '答记者问现场.png' }]);
    const itemAudit = await t.db.selectFrom('auditLog').select('action').where('targetType', '=', 'item').where('targetId', '=', String(ids[0])).orderBy('seq').execute();
    expect(itemAudit.map((r) => r.action)).toEqual(['item.create', 'item.attach']);
    const links = await t.db.selectFrom('auditLog').select('summary').where('action', '=', 'concern.pressPublish').execute();
    expect(links.filter((r) => (r.summary as { recordId: number }).recordId === second.id)).toHaveLength(1);
    // Every draft made from this concern's records is linked to one: none was left behind unlinked.
    const made2 = await t.db.selectFrom('infoItems').select('id').where('title', 'like', '某镇突发山洪灾害%').orderBy('id').execute();
    const linked = await t.db.selectFrom('concernPressRecords').select('itemId').where('concernId', '=', concernId).where('itemId', 'is not', null).orderBy('itemId').execute();
    expect(made2.map((r) => r.id)).toEqual(linked.map((r) => r.itemId));
  });

  it('corrects a record, refusing a time before the event', async () => {
    const url = `/api/v1/concerns/${concernId}/press-records/${recordId}`;
    const early = await t.app.inject({ method: 'PATCH', url, headers: office, payload: { heldAt: '2026-10-01T21:00:00+08:00' } });
    expect(early.statusCode).toBe(400);
    expect(json(early).details[0].path).toBe('heldAt');
    const res = await t.app.inject({ method: 'PATCH', url, headers: office, payload: { place: '县应急指挥中心', transcript: '张某：10月1日晚，某镇突降暴雨。' } });
    expect(res.statusCode).toBe(200);
    expect(json(res).items[0]).toMatchObject({ place: '县应急指挥中心', findings: [] });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/concerns/${concernId}/press-records/999999`, headers: office, payload: { place: '某地' } })).statusCode).toBe(404);
  });

  it('records every step in the audit trail', async () => {
    const rows = await t.db.selectFrom('auditLog').select(['action', 'summary']).where('targetType', '=', 'concern').where('targetId', '=', String(concernId)).orderBy('seq').execute();
    expect(rows.map((r) => r.action)).toEqual(['concern.create', 'concern.pressRecord', 'concern.pressFile', 'concern.pressFile', 'concern.pressPublish', 'concern.pressRecord', 'concern.pressFile', 'concern.pressPublish', 'concern.pressRecordUpdate']);
  });
});

describe('press records on the public 回应关切 page', () => {
  let financeBoth: Record<string, string>;
  let publicConcern: number;
  const portal = async () => (await t.app.inject({ url: '/hdjl/hygq', headers: { accept: 'text/html' } })).body;
  const section = (body: string, id: number) => body.slice(body.indexOf(`id="c${id}"`), body.indexOf('</section>', body.indexOf(`id="c${id}"`)));

  beforeAll(async () => {
    const admin = await t.auth('admin');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'czxwb', displayName: '财政局公开办信息员', orgCode: DEMO_FINANCE_CODE, roles: ['disclosureOffice', 'clerk'], password: 'Caizheng-Passw0rd!' } });
    expect(created.statusCode, created.body).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'czxwb', password: 'Caizheng-Passw0rd!' } });
    financeBoth = { authorization: `Bearer ${json(login).token}` };
    const concern = await t.app.inject({ method: 'POST', url: '/api/v1/concerns', headers: office, payload: { orgCode: DEMO_FINANCE_CODE, title: '惠民补贴发放延迟', level: 'ordinary', startedAt: '2026-10-01T09:00:00+08:00', published: true } });
    expect(concern.statusCode, concern.body).toBe(201);
    publicConcern = json(concern).id;
    for (const payload of [
      { kind: 'pressConference', title: '惠民补贴发放情况新闻发布会', heldAt: '2026-10-02T10:00:00+08:00', place: '县财政局会议室', speakers: '县财政局局长 王某', transcript: '王某：补贴将于10月底前发放到位。' },
      { kind: 'mediaInterview', title: '县财政局接受县电视台采访', heldAt: '2026-10-02T14:00:00+08:00', speakers: '县财政局副局长 赵某', transcript: '赵某：资金已经拨付。' },
    ]) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${publicConcern}/press-records`, headers: office, payload })).statusCode).toBe(201);
    }
  });

  it('lists the records of a published concern with kind, time, place and speakers, never the transcript', async () => {
    const body = section(await portal(), publicConcern);
    expect(body).toContain('新闻发布会和媒体采访');
    expect(body).toContain('<p class="press-title">惠民补贴发放情况新闻发布会</p>');
    expect(body).toContain('新闻发布会　2026年10月2日 10:00　地点：县财政局会议室　发布人：县财政局局长 王某');
    expect(body).toContain('媒体采访　2026年10月2日 14:00　发布人：县财政局副局长 赵某');
    expect(body.indexOf('惠民补贴发放情况新闻发布会')).toBeLessThan(body.indexOf('县财政局接受县电视台采访'));
    expect(body).not.toContain('补贴将于10月底前发放到位');
    // The records of a concern that is not published stay off the portal.
    expect(await portal()).not.toContain('山洪灾害抢险救援情况新闻发布会');
  });

  it('links a record to its catalog item once that item is published, not while it is a draft', async () => {
    const records = json(await t.app.inject({ url: `/api/v1/concerns/${publicConcern}/press-records`, headers: office })).items;
    const conference = records.find((r: { kind: string }) => r.kind === 'pressConference');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${publicConcern}/press-records/${conference.id}/publish`, headers: financeBoth, payload: { category: '政策解读' } });
    expect(res.statusCode, res.body).toBe(201);
    const itemId = json(res).items.find((r: { id: number }) => r.id === conference.id).item.id;
    expect(section(await portal(), publicConcern)).not.toContain('<a href="/xxgk/items/');

    await advanceItem(t, itemId, 'published');
    const item = json(await t.app.inject({ url: `/api/v1/items/${itemId}`, headers: office }));
    const body = section(await portal(), publicConcern);
    expect(body).toContain(`<a href="/xxgk/items/${item.indexNo}">惠民补贴发放情况新闻发布会</a>`);
    expect(body).toContain('<p class="press-title">县财政局接受县电视台采访</p>');
    expect((await t.app.inject({ url: `/xxgk/items/${item.indexNo}` })).statusCode).toBe(200);
  });
});
