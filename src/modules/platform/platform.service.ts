import { sql } from 'kysely';
import type { AppContext } from '../../context.js';

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(ctx: AppContext): Promise<boolean> {
  try {
    await sql`select 1`.execute(ctx.db);
    return true;
  } catch {
    return false;
  }
}
