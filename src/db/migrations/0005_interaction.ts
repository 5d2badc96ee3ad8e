import { Kysely, sql } from 'kysely';

/** 互动交流: consultations (咨询) received online, by phone, by letter or in person, and their answers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consultations (
      id serial primary key,
      org_id integer not null references orgs(id),
      channel text not null check (channel in ('online', 'phone', 'letter', 'inPerson', 'email')),
      subject text not null,
      question text not null,
      asker_name text not null,
      contact_enc text,
      status text not null default 'open' check (status in ('open', 'answered')),
      answer text,
      publish_answer boolean not null default false,
      answered_by integer references users(id),
      answered_at timestamptz,
      received_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index consultations_org_received_idx on consultations(org_id, received_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
