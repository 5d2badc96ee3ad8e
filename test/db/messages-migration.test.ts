/** Migration 0012: the consultations that existed before are messages after it, with their answers and counts. */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { migrations } from '../../src/db/migrations/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openEmptyDatabase } from '../support/db.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openEmptyDatabase());
  // A database from before the messages: 0012 and what refers to them (0018 便民问答, 0019 complaints from the inbox) not yet run.
  const later = ['0012_messages', '0018_faq', '0019_service_complaints'];
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => !later.includes(name)));
  const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => before } }).migrateToLatest();
  if (error) throw error;
  await sql`insert into orgs (code, name, type) values ('11000000000000000A', '示例县人民政府', 'government'), ('11000000000000000B', '示例县财政局', 'department'), ('11000000000000000C', '城关镇人民政府', 'township')`.execute(database.db);
  await sql`
    insert into consultations (org_id, channel, subject, question, asker_name, contact_enc, status, answer, publish_answer, answered_at, received_at)
    select id, 'phone', '预算公开时间', '部门预算一般什么时候公开？', '赵六', 'v1.encrypted-contact', 'answered', '批复后20日内公开。', true, '2026-03-11T02:00:00Z'::timestamptz, '2026-03-09T17:30:00Z'::timestamptz
      from orgs where code = '11000000000000000B'
    union all
    select id, 'online', '办事指南', '在哪里下载申请表？', '钱七', null, 'open', null, false, null::timestamptz, '2026-03-10T02:00:00Z'::timestamptz
      from orgs where code = '11000000000000000B'`.execute(database.db);
  // As src/db/migrate.ts runs them: 0012 arrives after 0015 and others have run, and runs before 0018.
  expect(await migrateToLatest(database.db)).toEqual(later);
}, 120_000);
afterAll(async () => drop?.());


describe('migration 0012_messages', () => {
  it('gives every body a main mailbox named for its kind', async () => {
    const boxes = await database.db.selectFrom('mailboxes').innerJoin('orgs', 'orgs.id', 'mailboxes.orgId').select(['orgs.code', 'mailboxes.name', 'mailboxes.isMain']).orderBy('orgs.code').execute();
    expect(boxes).toEqual([
      { code: '11000000000000000A', name: '县长信箱', isMain: true },
      { code: '11000000000000000B', name: '局长信箱', isMain: true },
      { code: '11000000000000000C', name: '镇长信箱', isMain: true },
    ]);
  });

  it('turns each consultation into a 咨询 message with its answer, day of receipt in China and publication', async () => {
    const rows = await database.db.selectFrom('messages').select(['type', 'channel', 'subject', 'body', 'senderName', 'senderPhoneEnc', 'receivedOn', 'status', 'replyText', 'repliedOn', 'published', 'publicReply', 'queryPasswordHash'])
      .orderBy('legacyConsultationId').execute();
    expect(rows).toEqual([
      { type: 'consultation', channel: 'phone', subject: '预算公开时间', body: '部门预算一般什么时候公开？', senderName: '赵六', senderPhoneEnc: 'v1.encrypted-contact',
        receivedOn: '2026-03-10', status: 'closed', replyText: '批复后20日内公开。', repliedOn: '2026-03-11', published: true, publicReply: true, queryPasswordHash: null },
      { type: 'consultation', channel: 'online', subject: '办事指南', body: '在哪里下载申请表？', senderName: '钱七', senderPhoneEnc: null,
        receivedOn: '2026-03-10', status: 'pending', replyText: null, repliedOn: null, published: false, publicReply: false, queryPasswordHash: null },
    ]);
    const events = await database.db.selectFrom('messageEvents').select('type').orderBy('id').execute();
    expect(events.map((e) => e.type).sort()).toEqual(['received', 'received', 'replied']);
  });

  it('drops the consultations table', async () => {
    const exists = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'consultations'`.execute(database.db);
    expect(exists.rows[0].n).toBe(0);
  });
});
