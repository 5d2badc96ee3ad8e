import type { Executor } from '../audit/audit.repository.js';

export async function get(db: Executor, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function put(db: Executor, key: string, value: unknown, userId: number) {
  const json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: json, updatedBy: userId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedBy: userId, updatedAt: new Date() })).execute();
}
