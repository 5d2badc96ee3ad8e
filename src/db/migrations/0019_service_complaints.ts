import { Kysely, sql } from 'kysely';

/**
 * 政务服务 (issue 14, second part): the complaint register (投诉登记簿) about a window or a clerk,
 * 登记 → 调查 → 处理 → 反馈 → 归档, each step with its person and deadline; a complaint may come from
 * the interaction inbox (a message of type `complaint`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table service_complaints (
      id serial primary key,
      complaint_no text not null unique,
      org_id int not null references orgs(id),
      window_id int references service_windows(id) on delete set null,
      clerk_user_id int references users(id) on delete set null,
      clerk_name text,
      channel text not null,
      message_id int unique references messages(id) on delete set null,
      complainant_name_enc text not null,
      complainant_phone_enc text,
      subject text not null,
      content text not null,
      received_on date not null,
      due_on date not null,
      status text not null,
      step_due_on date not null,
      assignee_user_id int references users(id) on delete set null,
      justified boolean,
      finding text,
      measures text,
      feedback text,
      archived_on date,
      registered_by int references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index service_complaints_org_idx on service_complaints (org_id, received_on desc)`.execute(db);
  await sql`
    create table service_complaint_steps (
      id serial primary key,
      complaint_id int not null references service_complaints(id) on delete cascade,
      step text not null,
      on_date date not null,
      actor_user_id int references users(id) on delete set null,
      assignee_user_id int references users(id) on delete set null,
      due_on date,
      note text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index service_complaint_steps_complaint_idx on service_complaint_steps (complaint_id, id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
