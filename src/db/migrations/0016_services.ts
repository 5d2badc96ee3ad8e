import { Kysely, sql } from 'kysely';

/**
 * 政务服务 (issue 14): the item registry with versions under review, centres and their windows
 * (进驻 items, clerks, 首席代表), cases against promised limits with their timed steps and supplement
 * pauses, 好差评 ratings and the rectification of bad ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table service_items (
      id serial primary key,
      code text not null unique,
      org_id int not null references orgs(id),
      name text not null,
      kind text not null,
      legal_limit_days int not null check (legal_limit_days >= 0),
      promised_limit_days int not null check (promised_limit_days >= 0 and promised_limit_days <= legal_limit_days),
      deemed_approval boolean not null default false,
      guide jsonb not null default '{}'::jsonb,
      version int not null default 1,
      published boolean not null default true,
      created_by int references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index service_items_org_idx on service_items (org_id, code)`.execute(db);
  await sql`
    create table service_item_versions (
      id serial primary key,
      item_id int not null references service_items(id) on delete cascade,
      version int not null,
      status text not null,
      data jsonb not null,
      created_by int references users(id) on delete set null,
      reviewed_by int references users(id) on delete set null,
      review_comment text,
      created_at timestamptz not null default now(),
      reviewed_at timestamptz,
      unique (item_id, version)
    )`.execute(db);
  await sql`
    create table service_item_files (
      id serial primary key,
      item_id int not null references service_items(id) on delete cascade,
      material_key text not null,
      kind text not null,
      file_name text not null,
      mime text not null,
      blob_key text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table service_centres (
      id serial primary key,
      org_id int not null references orgs(id),
      name text not null,
      type text not null,
      address text,
      hours text,
      phone text,
      warning_days int not null default 1 check (warning_days >= 0),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table service_windows (
      id serial primary key,
      centre_id int not null references service_centres(id) on delete cascade,
      org_id int not null references orgs(id),
      number text not null,
      name text not null,
      chief_user_id int references users(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (centre_id, number)
    )`.execute(db);
  await sql`
    create table service_window_clerks (
      window_id int not null references service_windows(id) on delete cascade,
      user_id int not null references users(id) on delete cascade,
      primary key (window_id, user_id)
    )`.execute(db);
  await sql`create index service_window_clerks_user_idx on service_window_clerks (user_id)`.execute(db);
  await sql`
    create table service_window_items (
      window_id int not null references service_windows(id) on delete cascade,
      item_id int not null references service_items(id) on delete cascade,
      primary key (window_id, item_id)
    )`.execute(db);
  await sql`
    create table service_cases (
      id serial primary key,
      case_no text not null unique,
      item_id int not null references service_items(id),
      org_id int not null references orgs(id),
      window_id int references service_windows(id) on delete set null,
      status text not null,
      intake_reason text,
      accepted_on date,
      promised_limit_days int not null,
      due_on date,
      due_certain boolean not null default true,
      completed_on date,
      result text,
      result_reason text,
      escalated_at timestamptz,
      applicant_type text,
      applicant_name text,
      id_number_enc text,
      phone_enc text,
      query_password_hash text,
      imported boolean not null default false,
      registered_by int references users(id) on delete set null,
      handled_by int references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index service_cases_org_accepted_idx on service_cases (org_id, accepted_on)`.execute(db);
  await sql`create index service_cases_window_accepted_idx on service_cases (window_id, accepted_on)`.execute(db);
  await sql`create index service_cases_open_due_idx on service_cases (due_on) where completed_on is null and accepted_on is not null`.execute(db);
  await sql`
    create table service_case_pauses (
      id serial primary key,
      case_id int not null references service_cases(id) on delete cascade,
      started_on date not null,
      ended_on date,
      missing jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table service_case_steps (
      id serial primary key,
      case_id int not null references service_cases(id) on delete cascade,
      action text not null,
      on_date date not null,
      at timestamptz not null default now(),
      actor_user_id int references users(id) on delete set null,
      note text
    )`.execute(db);
  await sql`create index service_case_steps_case_idx on service_case_steps (case_id, id)`.execute(db);
  await sql`
    create table service_ratings (
      id serial primary key,
      case_id int not null unique references service_cases(id) on delete cascade,
      level int not null check (level between 1 and 5),
      channel text not null,
      comment text,
      rated_on date not null,
      excluded boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table service_rectifications (
      id serial primary key,
      rating_id int not null unique references service_ratings(id) on delete cascade,
      status text not null,
      due_on date not null,
      verify_note text,
      rectify_note text,
      callback_note text,
      appeal_reason text,
      appeal_decision text,
      closed_on date,
      handled_by int references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
