import { sql } from 'kysely';
import type { Db } from '../../db/client.js';

export interface BlobColumn {
  table: string;
  column: string;
}

/**
 * Every column that holds blob keys, found in the schema itself (blob_key, or a name ending in
 * _blob_key): a table a later migration adds is swept without anyone remembering to list it.
 */
export async function blobKeyColumns(db: Db): Promise<BlobColumn[]> {
  const { rows } = await sql<{ tableName: string; columnName: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and (c.column_name = 'blob_key' or c.column_name like '%\\_blob\\_key' escape '\\')
    order by c.table_name, c.column_name`.execute(db);
  return rows.map((r) => ({ table: r.tableName, column: r.columnName }));
}

/** Which of `keys` some row references, in one statement over every blob column. */
export async function referencedKeys(db: Db, columns: BlobColumn[], keys: string[]): Promise<Set<string>> {
  if (!columns.length || !keys.length) return new Set();
  const list = sql.join(keys.map((k) => sql`${k}`));
  const selects = columns.map((c) => sql`select ${sql.ref(c.column)}::text as key from ${sql.table(c.table)} where ${sql.ref(c.column)} in (${list})`);
  const { rows } = await sql<{ key: string }>`${sql.join(selects, sql` union `)}`.execute(db);
  return new Set(rows.map((r) => r.key));
}
