/**
 * Serves the built staff console (web/admin/dist) at /admin/, falling back to
 * index.html for the console's own client-side routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../../http/types.js';

export const ADMIN_DIST = path.resolve(import.meta.dirname, '../../../web/admin/dist');
// Compiled code runs from dist/src/…: look one level further up as well.
const candidates = [ADMIN_DIST, path.resolve(import.meta.dirname, '../../../../web/admin/dist')];

export async function adminConsoleRoutes(app: App) {
  const root = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (!root) {
    app.get('/admin/*', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.code(503).type('text/html; charset=utf-8').send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>控制台未构建</title><p>管理控制台尚未构建，请运行 <code>npm run build</code>。</p></html>'));
    return;
  }
  const index = fs.readFileSync(path.join(root, 'index.html'));
  await app.register(fastifyStatic, { root, prefix: '/admin/', decorateReply: false, index: false, wildcard: false, maxAge: '1h' });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  app.get('/admin', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/admin/'));
  app.get('/admin/', { config: { auth: 'public' }, schema: { hide: true } }, sendIndex);
  app.get('/admin/*', { config: { auth: 'public' }, schema: { hide: true } }, sendIndex);
}
