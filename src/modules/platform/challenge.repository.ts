import type { Db } from '../../db/client.js';

/**
 * Spends a challenge: true for the first caller only. One statement, so two processes (or two
 * requests at once) presenting the same challenge cannot both succeed.
 */
export async function markChallengeUsed(db: Db, id: string, expiresAt: Date): Promise<boolean> {
  const row = await db.insertInto('usedChallenges').values({ id, expiresAt }).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Forgets challenges that have expired (they are refused for their expiry regardless). */
export async function purgeExpiredChallenges(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('usedChallenges').where('expiresAt', '<', before).execute();
}
