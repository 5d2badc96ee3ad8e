import type { Insertable } from 'kysely';
import type { ConsultationsTable } from '../../db/tables/interaction.js';
import type { Executor } from '../audit/audit.repository.js';

export async function insertConsultation(db: Executor, row: Insertable<ConsultationsTable>) {
  return (await db.insertInto('consultations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findConsultation(db: Executor, id: number) {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function answerConsultation(db: Executor, id: number, fields: { answer: string; publishAnswer: boolean; answeredBy: number; answeredAt: Date }) {
  await db.updateTable('consultations').set({ ...fields, status: 'answered' }).where('id', '=', id).execute();
}

export async function listForStaff(db: Executor, orgIds: number[] | 'all') {
  let q = db.selectFrom('consultations').innerJoin('orgs', 'orgs.id', 'consultations.orgId')
    .select(['consultations.id', 'orgs.name as orgName', 'channel', 'subject', 'question', 'askerName', 'status', 'answer', 'publishAnswer', 'receivedAt', 'answeredAt'])
    .orderBy('consultations.id', 'desc').limit(500);
  if (orgIds !== 'all') q = q.where('consultations.orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.execute();
}

export async function listPublished(db: Executor, limit: number) {
  return db.selectFrom('consultations').innerJoin('orgs', 'orgs.id', 'consultations.orgId')
    .select(['consultations.id', 'orgs.name as orgName', 'subject', 'question', 'answer', 'receivedAt', 'answeredAt'])
    .where('status', '=', 'answered').where('publishAnswer', '=', true)
    .orderBy('answeredAt', 'desc').limit(limit).execute();
}

export async function countByChannel(db: Executor, orgIds: number[], from: Date, to: Date) {
  return db.selectFrom('consultations').select(['channel', (eb) => eb.fn.countAll<number>().as('count')])
    .where('orgId', 'in', orgIds).where('receivedAt', '>=', from).where('receivedAt', '<', to)
    .groupBy('channel').orderBy('count', 'desc').execute();
}
