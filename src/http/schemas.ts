/** Zod pieces shared by routes (and so by the OpenAPI document). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { ROLE_KEYS } from '../domain/roles.js';

export const isoDate = z.string().refine(isIsoDate, { message: '请按 YYYY-MM-DD 填写有效的日期' }).describe('YYYY-MM-DD');
export const roleSchema = z.enum(ROLE_KEYS).describe('角色');
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const orgCodeParam = z.object({ code: z.string().min(1).max(64) });
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string().optional(), row: z.number().optional(), message: z.string() })).optional(),
});
