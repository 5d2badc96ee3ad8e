import { Kysely, sql } from 'kysely';

/**
 * Item versions: one row per (item, version), and change notes in words.
 *
 * 0002 declared `unique (item_id, version)`; a database restored from a dump without its
 * constraints, or edited by hand, may have lost it, and concurrent edits then stored two rows
 * under one number. Where the key is missing, the versions of each item are renumbered in the
 * order they were written (nothing is deleted: every row is part of the item's history), the
 * item's current number follows its last version, and the key is added.
 *
 * Redactions were noted with the finding's code (脱敏处理（mobile）); they now read in Chinese.
 */
const FINDING_WORDS: Record<string, string> = { idCard: '身份证号', mobile: '手机号码', bankCard: '银行卡号', email: '电子邮箱', sensitiveWord: '敏感词' };

export async function up(db: Kysely<unknown>): Promise<void> {
  const keyed = await sql<{ n: number }>`select count(*)::int as n from pg_index x
    join pg_class t on t.oid = x.indrelid join pg_attribute a1 on a1.attrelid = t.oid and a1.attnum = x.indkey[0]
    join pg_attribute a2 on a2.attrelid = t.oid and a2.attnum = x.indkey[1]
    where t.relname = 'item_versions' and x.indisunique and x.indnatts = 2 and a1.attname = 'item_id' and a2.attname = 'version'`.execute(db);
  if (!keyed.rows[0]?.n) {
    await sql`update item_versions v set version = r.n from (
        select id, row_number() over (partition by item_id order by version, created_at, id)::int as n from item_versions
      ) r where r.id = v.id and v.version <> r.n`.execute(db);
    await sql`update info_items i set version = m.v from (select item_id, max(version) as v from item_versions group by item_id) m
      where m.item_id = i.id and i.version <> m.v`.execute(db);
    await sql`alter table item_versions add constraint item_versions_item_id_version_key unique (item_id, version)`.execute(db);
  }
  for (const [code, word] of Object.entries(FINDING_WORDS)) {
    await sql`update item_versions set change_note = ${`脱敏处理（${word}）`} where change_note = ${`脱敏处理（${code}）`}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
