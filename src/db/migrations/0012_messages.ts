import { Kysely, sql } from 'kysely';

/**
 * 互动交流: mailboxes (县长信箱 / 镇长信箱 / 局长信箱 …) per body, the messages (信件) that reach them by any
 * channel, and each message's history. Replaces `consultations`: every consultation becomes a message in
 * its body's main mailbox, with its answer, and the old table goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mailboxes (
      id serial primary key,
      org_id integer not null references orgs(id),
      code text not null,
      name text not null,
      -- Which message types the box takes, and the reply limit per type in working days.
      accepted_types text[] not null default '{consultation,suggestion,query,complaint,report}',
      reply_limits jsonb not null default '{}',
      introduction text not null default '',
      is_main boolean not null default false,
      sort_order integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, code)
    )`.execute(db);
  await sql`create unique index mailboxes_main_idx on mailboxes(org_id) where is_main`.execute(db);

  await sql`
    create table messages (
      id serial primary key,
      tracking_no text not null unique,
      org_id integer not null references orgs(id),
      mailbox_id integer not null references mailboxes(id),
      type text not null check (type in ('consultation', 'suggestion', 'query', 'complaint', 'report')),
      channel text not null check (channel in ('online', 'phone', 'sms', 'letter', 'inPerson', 'box', 'email', 'readingRoom')),
      subject text not null check (char_length(subject) <= 100),
      body text not null check (char_length(body) <= 5000),
      -- The sender as for request applicants: the name in clear (masked on every page), contacts encrypted.
      sender_name text not null,
      sender_phone_enc text,
      sender_email_enc text,
      query_password_hash text,
      public_reply boolean not null default false,
      received_on date not null,
      reply_due_on date not null,
      status text not null,
      round integer not null default 1,
      extension_days integer not null default 0,
      extension_reason text,
      assigned_org_id integer references orgs(id),
      draft_reply text,
      drafted_by integer references users(id),
      reply_text text,
      replied_on date,
      replied_by integer references users(id),
      rating text check (rating in ('satisfied', 'basicallySatisfied', 'dissatisfied')),
      rating_comment text,
      rated_on date,
      first_rating text,
      closed_on date,
      close_reason text,
      published boolean not null default false,
      published_on date,
      published_by integer references users(id),
      transferred_to_org_id integer references orgs(id),
      duplicate_of_id integer references messages(id),
      converted_request_id integer references disclosure_requests(id),
      reminded_on date,
      registered_by integer references users(id),
      legacy_consultation_id integer unique,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index messages_org_received_idx on messages(org_id, received_on)`.execute(db);
  await sql`create index messages_assigned_idx on messages(assigned_org_id)`.execute(db);
  await sql`create index messages_published_idx on messages(mailbox_id, replied_on desc) where published`.execute(db);
  await sql`create index messages_open_idx on messages(reply_due_on) where status in ('pending', 'accepted', 'assigned', 'drafted')`.execute(db);

  await sql`
    create table message_events (
      id serial primary key,
      message_id integer not null references messages(id),
      at timestamptz not null default now(),
      on_date date not null,
      type text not null,
      title text not null,
      note text,
      -- Shown to the sender on the query page.
      public boolean not null default true,
      actor_user_id integer references users(id),
      org_id integer references orgs(id)
    )`.execute(db);
  await sql`create index message_events_message_idx on message_events(message_id, id)`.execute(db);

  await sql`
    create table message_documents (
      id serial primary key,
      message_id integer not null references messages(id),
      title text not null,
      file_name text not null,
      mime text not null,
      blob_key text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index message_documents_message_idx on message_documents(message_id)`.execute(db);

  await sql`
    create table message_reply_templates (
      id serial primary key,
      org_id integer not null references orgs(id),
      title text not null,
      text text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // A main mailbox for every body: 县长信箱 for a county government, 镇长信箱 for a township, 局长信箱 otherwise.
  await sql`
    insert into mailboxes (org_id, code, name, introduction, is_main)
    select id, 'main',
      case when type = 'government' and name like '%市%' then '市长信箱' when type = 'government' then '县长信箱'
        when type = 'township' and name like '%乡%' then '乡长信箱' when type = 'township' then '镇长信箱' else '局长信箱' end,
      '受理群众对' || name || '工作的咨询、建议、质疑、投诉和举报。涉及信访事项的，请按《信访工作条例》通过信访渠道反映。',
      true
    from orgs`.execute(db);

  // The consultations become messages of type 咨询 in the main mailbox, answered ones closed with their answer.
  await sql`
    insert into messages (tracking_no, org_id, mailbox_id, type, channel, subject, body, sender_name, sender_phone_enc,
      public_reply, received_on, reply_due_on, status, reply_text, replied_on, replied_by, closed_on, published, published_on,
      legacy_consultation_id, created_at)
    select 'XX' || to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYY') || '-ZX' || lpad(c.id::text, 8, '0'),
      c.org_id, m.id, 'consultation', c.channel, left(c.subject, 100), left(c.question, 5000), c.asker_name, c.contact_enc,
      c.publish_answer, (c.received_at at time zone 'Asia/Shanghai')::date,
      -- The old table had no limit: 14 calendar days stand in for 10 working days.
      (c.received_at at time zone 'Asia/Shanghai')::date + 14,
      case c.status when 'answered' then 'closed' else 'pending' end,
      c.answer, (c.answered_at at time zone 'Asia/Shanghai')::date, c.answered_by,
      (c.answered_at at time zone 'Asia/Shanghai')::date,
      c.status = 'answered' and c.publish_answer, case when c.status = 'answered' and c.publish_answer then (c.answered_at at time zone 'Asia/Shanghai')::date end,
      c.id, c.received_at
    from consultations c join mailboxes m on m.org_id = c.org_id and m.is_main`.execute(db);
  await sql`
    insert into message_events (message_id, at, on_date, type, title, org_id)
    select id, created_at, received_on, 'received', '来信已收到（由原咨询记录迁移）', org_id from messages where legacy_consultation_id is not null`.execute(db);
  await sql`
    insert into message_events (message_id, on_date, type, title, note, org_id, actor_user_id)
    select id, replied_on, 'replied', '已答复', reply_text, org_id, replied_by from messages where legacy_consultation_id is not null and reply_text is not null`.execute(db);
  await sql`drop table consultations`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
