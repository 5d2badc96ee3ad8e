import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { publishDueItems } from '../publishing/publishing.service.js';

/**
 * Before answering a public file (feed, sitemap): publishes scheduled items that are due (at most
 * every 30 s) and marks the answer cacheable but revalidated on every use, so a publication,
 * correction or withdrawal shows at once.
 */
export async function publicCache(ctx: AppContext, reply: FastifyReply) {
  await publishDueItems(ctx);
  reply.header('cache-control', 'public, no-cache');
}
