import { Kysely, sql } from 'kysely';

/** 依申请公开: applications, their timeline, clock pauses and documents. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table disclosure_requests (
      id serial primary key,
      tracking_no text not null unique,
      org_id integer not null references orgs(id),
      channel text not null check (channel in ('online', 'letter', 'registeredLetter', 'inPerson', 'email', 'fax', 'oral')),
      applicant_type text not null check (applicant_type in ('natural', 'commercial', 'research', 'nonprofit', 'legalService', 'otherOrg')),
      applicant_name text not null,
      id_type text not null,
      id_number_enc text not null,
      -- A keyed hash of the identity number: finds the same applicant's other requests
      -- (duplicates, 按件 fees per month) without decrypting anything.
      applicant_key text not null,
      phone_enc text not null,
      email_enc text,
      address_enc text,
      description text not null,
      purpose text,
      form text not null,
      delivery text not null,
      query_password_hash text not null,
      status text not null,
      submitted_at timestamptz not null default now(),
      received_on date,
      supplement_requested_on date,
      supplement_due_on date,
      supplement_received_on date,
      extension_days integer not null default 0,
      outcome text,
      outcome_note text,
      completed_on date,
      fee_amount integer not null default 0,
      registered_by integer references users(id),
      delivered_on date,
      delivery_note text,
      archived_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index disclosure_requests_org_received_idx on disclosure_requests(org_id, received_on)`.execute(db);
  await sql`create index disclosure_requests_org_completed_idx on disclosure_requests(org_id, completed_on)`.execute(db);
  await sql`create index disclosure_requests_applicant_idx on disclosure_requests(applicant_key, submitted_at)`.execute(db);
  await sql`create index disclosure_requests_open_idx on disclosure_requests(org_id) where status in ('processing', 'paused', 'awaitingSupplement', 'submitted')`.execute(db);

  await sql`
    create table request_events (
      id serial primary key,
      request_id integer not null references disclosure_requests(id),
      at timestamptz not null default now(),
      on_date date not null,
      type text not null,
      title text not null,
      note text,
      public boolean not null default true,
      actor_user_id integer references users(id),
      org_id integer references orgs(id)
    )`.execute(db);
  await sql`create index request_events_request_idx on request_events(request_id, id)`.execute(db);

  await sql`
    create table request_pauses (
      id serial primary key,
      request_id integer not null references disclosure_requests(id),
      reason text not null check (reason in ('consultation', 'fee')),
      started_on date not null,
      ended_on date,
      note text
    )`.execute(db);
  await sql`create index request_pauses_request_idx on request_pauses(request_id)`.execute(db);

  await sql`
    create table request_documents (
      id serial primary key,
      request_id integer not null references disclosure_requests(id),
      kind text not null,
      title text not null,
      file_name text not null,
      mime text not null,
      blob_key text not null,
      public boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index request_documents_request_idx on request_documents(request_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
