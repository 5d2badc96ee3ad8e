import { Kysely, sql } from 'kysely';

/**
 * 回应关切 (issue 13): the register of public concerns and emergency events (level, start, body, spokesperson)
 * and the responses to them (权威信息发布, 新闻发布会, 政策解读, 答记者问) with their times and links to what was published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table concerns (
      id serial primary key,
      org_id integer not null references orgs(id),
      title text not null,
      summary text not null default '',
      source text not null default '',
      level text not null check (level in ('ordinary', 'larger', 'major', 'especiallyMajor')),
      started_at timestamptz not null,
      spokesperson text not null default '',
      published boolean not null default false,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index concerns_org_started_idx on concerns(org_id, started_at desc)`.execute(db);
  await sql`
    create table concern_responses (
      id serial primary key,
      concern_id integer not null references concerns(id) on delete cascade,
      kind text not null check (kind in ('authoritativeInfo', 'pressConference', 'policyInterpretation', 'pressQa')),
      responded_at timestamptz not null,
      title text not null,
      url text,
      item_id integer references info_items(id) on delete set null,
      note text not null default '',
      created_by integer references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index concern_responses_concern_idx on concern_responses(concern_id, responded_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
