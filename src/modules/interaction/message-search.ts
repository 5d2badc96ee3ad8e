/**
 * Published messages in the site search (kind `message`): one function builds the document, for the
 * publishing step and for a full reindex, which finds them again through the source registered here.
 */
import { searchSources, type SearchDocument } from '../search/search-index.js';
import type { Executor } from '../audit/audit.repository.js';

export interface PublishedRow {
  trackingNo: string; subject: string; body: string; replyText: string | null; orgId: number; orgCode: string; orgName: string;
  boxCode: string; boxName: string; publishedOn: string | null;
}

export function messageDocument(m: PublishedRow): SearchDocument {
  return {
    kind: 'message', ref: m.trackingNo, url: `/hdjl/xx/${m.orgCode}/${m.boxCode}/${m.trackingNo}`, title: m.subject,
    body: `${m.body}\n答复：${m.replyText ?? ''}`, orgId: m.orgId, orgName: m.orgName, publishedOn: m.publishedOn, category: m.boxName,
  };
}

function published(db: Executor) {
  return db.selectFrom('messages').innerJoin('orgs', 'orgs.id', 'messages.orgId').innerJoin('mailboxes', 'mailboxes.id', 'messages.mailboxId')
    .where('messages.published', '=', true);
}

searchSources.push({
  kinds: ['message'],
  count: async (db) => Number((await published(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  async batch(db, after, limit) {
    const rows = await published(db)
      .select(['messages.id', 'messages.trackingNo', 'messages.subject', 'messages.body', 'messages.replyText', 'messages.orgId', 'orgs.code as orgCode', 'orgs.name as orgName',
        'mailboxes.code as boxCode', 'mailboxes.name as boxName', 'messages.publishedOn'])
      .where('messages.id', '>', after ? Number(after) : 0).orderBy('messages.id').limit(limit).execute();
    return { docs: rows.map(messageDocument), next: rows.length ? String(rows[rows.length - 1].id) : null, processed: rows.length };
  },
});
