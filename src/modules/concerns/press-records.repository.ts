import type { Insertable, Updateable } from 'kysely';
import type { ConcernPressFilesTable, ConcernPressRecordsTable } from '../../db/tables/press-records.js';
import type { Executor } from '../audit/audit.repository.js';

const recordColumns = ['id', 'concernId', 'kind', 'title', 'heldAt', 'place', 'speakers', 'transcript', 'itemId', 'createdAt', 'updatedAt'] as const;

export type PressRecordRow = Awaited<ReturnType<typeof recordsOf>>[number];

export async function recordsOf(db: Executor, concernId: number) {
  return db.selectFrom('concernPressRecords').select(recordColumns).where('concernId', '=', concernId).orderBy('heldAt').orderBy('id').execute();
}

export async function findRecord(db: Executor, concernId: number, id: number) {
  return db.selectFrom('concernPressRecords').select(recordColumns).where('concernId', '=', concernId).where('id', '=', id).executeTakeFirst();
}

export async function insertRecord(db: Executor, row: Insertable<ConcernPressRecordsTable>) {
  return (await db.insertInto('concernPressRecords').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRecord(db: Executor, id: number, fields: Updateable<ConcernPressRecordsTable>) {
  await db.updateTable('concernPressRecords').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

/** Links a record to the catalog item made from it, unless another request linked one first. */
export async function linkItem(db: Executor, id: number, itemId: number) {
  const res = await db.updateTable('concernPressRecords').set({ itemId, updatedAt: new Date() }).where('id', '=', id).where('itemId', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function filesOf(db: Executor, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db.selectFrom('concernPressFiles').select(['id', 'recordId', 'role', 'fileName', 'kind', 'mime', 'size', 'blobKey', 'createdAt'])
    .where('recordId', 'in', recordIds).orderBy('id').execute();
}

export async function insertFile(db: Executor, row: Insertable<ConcernPressFilesTable>) {
  return (await db.insertInto('concernPressFiles').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function deleteFile(db: Executor, recordId: number, id: number) {
  const res = await db.deleteFrom('concernPressFiles').where('recordId', '=', recordId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** When the press conferences on record were held: each meets the 24-hour clock of its concern. */
export async function pressConferenceTimes(db: Executor, concernIds: number[]) {
  if (!concernIds.length) return [];
  return db.selectFrom('concernPressRecords').select(['concernId', 'heldAt']).where('concernId', 'in', concernIds).where('kind', '=', 'pressConference').execute();
}

/** The records of published concerns for the portal: what, when, where, who — the transcript goes public only as a reviewed catalog item. */
export async function publicRecordsOf(db: Executor, concernIds: number[]) {
  if (!concernIds.length) return [];
  return db.selectFrom('concernPressRecords').innerJoin('concerns', 'concerns.id', 'concernPressRecords.concernId')
    .select(['concernPressRecords.id', 'concernPressRecords.concernId', 'concernPressRecords.kind', 'concernPressRecords.title', 'concernPressRecords.heldAt',
      'concernPressRecords.place', 'concernPressRecords.speakers', 'concernPressRecords.itemId'])
    .where('concernPressRecords.concernId', 'in', concernIds).where('concerns.published', '=', true)
    .orderBy('concernPressRecords.heldAt').orderBy('concernPressRecords.id').execute();
}
