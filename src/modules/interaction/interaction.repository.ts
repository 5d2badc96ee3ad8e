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

export interface StaffFilters {
  /** Words in the subject, the question or the asker's name. */
  q?: string;
  status?: 'open' | 'answered';
  channel?: string;
  /** Received at or after / before these instants. */
  from?: Date;
  to?: Date;
}

function staffQuery(db: Executor, orgIds: number[] | 'all', filters: StaffFilters) {
  let q = db.selectFrom('consultations').innerJoin('orgs', 'orgs.id', 'consultations.orgId');
  if (orgIds !== 'all') q = q.where('consultations.orgId', 'in', orgIds.length ? orgIds : [-1]);
  if (filters.status) q = q.where('consultations.status', '=', filters.status);
  if (filters.channel) q = q.where('consultations.channel', '=', filters.channel);
  if (filters.from) q = q.where('consultations.receivedAt', '>=', filters.from);
  if (filters.to) q = q.where('consultations.receivedAt', '<', filters.to);
  if (filters.q) {
    // Typed words are matched literally: % and _ are not wildcards here.
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      eb('consultations.subject', 'ilike', pattern), eb('consultations.question', 'ilike', pattern), eb('consultations.askerName', 'ilike', pattern),
    ]));
  }
  return q;
}

export async function listForStaff(db: Executor, orgIds: number[] | 'all', filters: StaffFilters, limit: number) {
  return staffQuery(db, orgIds, filters)
    .select(['consultations.id', 'orgs.code as orgCode', 'orgs.name as orgName', 'channel', 'subject', 'question', 'askerName', 'contactEnc', 'status', 'answer', 'publishAnswer', 'receivedAt', 'answeredAt'])
    .orderBy('consultations.receivedAt', 'desc').orderBy('consultations.id', 'desc').limit(limit).execute();
}

export async function countForStaff(db: Executor, orgIds: number[] | 'all', filters: StaffFilters) {
  const row = await staffQuery(db, orgIds, filters).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
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
