import { Kysely, sql } from 'kysely';

/**
 * 回应关切 (issue 13): press conferences, media interviews and 答记者问 as records of a concern — when and where,
 * who spoke, the transcript, photos and attachments — and the catalog item a record was published as.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table concern_press_records (
      id serial primary key,
      concern_id integer not null references concerns(id) on delete cascade,
      kind text not null check (kind in ('pressConference', 'mediaInterview', 'pressQa')),
      title text not null,
      held_at timestamptz not null,
      place text not null default '',
      speakers text not null default '',
      transcript text not null default '',
      item_id integer references info_items(id) on delete set null,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index concern_press_records_concern_idx on concern_press_records(concern_id, held_at)`.execute(db);
  await sql`
    create table concern_press_files (
      id serial primary key,
      record_id integer not null references concern_press_records(id) on delete cascade,
      role text not null check (role in ('photo', 'attachment')),
      file_name text not null,
      kind text not null,
      mime text not null,
      size integer not null,
      blob_key text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index concern_press_files_record_idx on concern_press_files(record_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
