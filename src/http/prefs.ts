import type { FastifyRequest } from 'fastify';
import type { PortalPrefs } from './views/layout.js';

export const PREFS_COOKIE = 'gk_prefs';

export function portalPrefs(request: FastifyRequest): PortalPrefs {
  const value = request.cookies?.[PREFS_COOKIE] ?? '';
  return { largeText: value.includes('L'), highContrast: value.includes('C') };
}
