import { Kysely, sql } from 'kysely';

/**
 * The public catalog is browsed by body, 信息类别, 主题分类 and 有效性, newest first. Without an
 * index per axis, a body or category with few items made PostgreSQL walk the whole publication
 * index to find twenty of them (0.5 s on a million items); with one, a page of any body or
 * category is a short index range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['org_id', 'category', 'topic', 'validity']) {
    await sql`create index ${sql.raw(`info_items_${column}_published_idx`)} on info_items (${sql.raw(column)}, published_at desc, id desc)
      where status in ('published', 'withdrawn')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
