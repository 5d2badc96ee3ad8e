import { Kysely, sql } from 'kysely';

/**
 * 便民问答 (FAQ): entries staff make from good published answers (or write themselves), edited and published
 * on their own (draft → published → withdrawn). Also the indexes the interaction benchmark asked for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table faq_entries (
      id serial primary key,
      org_id integer not null references orgs(id),
      source_message_id integer references messages(id),
      question text not null check (char_length(question) <= 200),
      answer text not null check (char_length(answer) <= 5000),
      category text not null default '' check (char_length(category) <= 40),
      status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
      published_on date,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index faq_entries_org_idx on faq_entries(org_id, id)`.execute(db);
  await sql`create index faq_entries_published_idx on faq_entries(published_on desc, id desc) where status = 'published'`.execute(db);
  await sql`create index faq_entries_message_idx on faq_entries(source_message_id)`.execute(db);

  // The statistics of a period (received_on) for many bodies at once — a county's roll-up — read only this index
  // (bench:interaction: a year of 1,000,000 messages over 500 bodies, ~200,000 rows per aggregate).
  await sql`create index messages_received_stats_idx on messages (received_on)
    include (org_id, mailbox_id, type, channel, status, rating, replied_on, reply_due_on)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
