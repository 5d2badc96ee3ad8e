/**
 * 办事指南 in the site search (kind `serviceGuide`): a published item is indexed when it is created
 * or a new version is approved, and the full reindex finds every published item again.
 */
import { todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import type { Executor } from '../audit/audit.repository.js';
import { indexDocument, searchSources, type SearchDocument } from '../search/search-index.js';
import * as repo from './items.repository.js';

interface GuideText {
  basis?: string;
  conditions?: string;
  materials?: { name: string }[];
  steps?: { name: string }[];
  location?: string;
}

export function guideDocument(item: repo.ServiceItemRow, now: Date = new Date()): SearchDocument {
  const g = item.guide as GuideText;
  return {
    kind: 'serviceGuide', ref: item.code, url: `/zwfw/items/${encodeURIComponent(item.code)}`, title: `${item.name}办事指南`,
    body: [g.basis, g.conditions, g.materials?.map((m) => m.name).join('、'), g.steps?.map((s) => s.name).join('→'), g.location].filter(Boolean).join('\n'),
    keywords: ['办事指南', labelOf('serviceItemKind', item.kind)], orgId: item.orgId, orgName: item.orgName,
    publishedOn: todayInChina(new Date(item.updatedAt ?? now)), category: '政务服务',
  };
}

/** Re-indexes one item after it was created or a version was published. */
export async function indexGuide(db: Executor, code: string): Promise<void> {
  const item = await repo.findItemByCode(db, code);
  if (item?.published) await indexDocument(db, guideDocument(item));
}

searchSources.push({
  kinds: ['serviceGuide'],
  count: async (db) => Number((await db.selectFrom('serviceItems').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow()).n),
  async batch(db, after, limit) {
    const rows = await db.selectFrom('serviceItems').select(['id', 'code']).where('published', '=', true).where('id', '>', after ? Number(after) : 0).orderBy('id').limit(limit).execute();
    for (const r of rows) await indexGuide(db, r.code);
    return { docs: [], next: rows.length ? String(rows[rows.length - 1].id) : null, processed: rows.length };
  },
});
