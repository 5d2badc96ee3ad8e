import { Kysely, sql } from 'kysely';

/**
 * 意见征集 (issue 13): drafts put out for public comment (规章, 行政规范性文件, 重大行政决策, 其他), their text
 * split into articles, the comments received (per article or on the whole draft; the commenter's name and
 * contact encrypted), and the published feedback on how opinions were adopted (意见采纳情况), by group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table solicitation_drafts (
      id serial primary key,
      org_id integer not null references orgs(id),
      kind text not null check (kind in ('rule', 'normative', 'majorDecision', 'other')),
      title text not null,
      explanation text not null default '',
      period_length integer not null check (period_length > 0),
      shortened_reason text,
      moderated boolean not null default true,
      status text not null default 'draft' check (status in ('draft', 'review', 'open', 'closed', 'feedbackPublished')),
      opens_on date,
      ends_on date,
      period_certain boolean not null default true,
      feedback_summary text not null default '',
      feedback_published_on date,
      final_item_id integer references info_items(id) on delete set null,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index solicitation_drafts_org_idx on solicitation_drafts(org_id, status)`.execute(db);
  await sql`create index solicitation_drafts_public_idx on solicitation_drafts(opens_on desc) where status in ('open', 'closed', 'feedbackPublished')`.execute(db);
  await sql`
    create table solicitation_articles (
      id serial primary key,
      draft_id integer not null references solicitation_drafts(id) on delete cascade,
      seq integer not null,
      heading text not null default '',
      text text not null,
      unique (draft_id, seq)
    )`.execute(db);
  await sql`
    create table solicitation_feedback_groups (
      id serial primary key,
      draft_id integer not null references solicitation_drafts(id) on delete cascade,
      seq integer not null,
      article_id integer references solicitation_articles(id) on delete set null,
      summary text not null,
      decision text not null check (decision in ('adopted', 'partlyAdopted', 'notAdopted')),
      reason text not null default ''
    )`.execute(db);
  await sql`
    create table solicitation_comments (
      id serial primary key,
      draft_id integer not null references solicitation_drafts(id) on delete cascade,
      article_id integer references solicitation_articles(id) on delete set null,
      channel text not null check (channel in ('online', 'letter', 'email', 'other')),
      body text not null,
      name_enc text,
      contact_enc text,
      received_on date not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      reject_reason text,
      moderated_by integer references users(id),
      moderated_at timestamptz,
      group_id integer references solicitation_feedback_groups(id) on delete set null,
      registered_by integer references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index solicitation_comments_draft_idx on solicitation_comments(draft_id, status)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
