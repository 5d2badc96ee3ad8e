/**
 * The hourly sweep of the blob store: a file that no table references and that is older than
 * the grace period is an orphan (written for a transaction that rolled back, or just before one
 * that failed) and is deleted. The grace period covers files whose transaction is still running.
 */
import type { AppContext } from '../../context.js';
import { blobKeyColumns, referencedKeys } from './blob-sweep.repository.js';

export const BLOB_GRACE_MS = 24 * 3600_000;
const BATCH = 500;

export interface SweepResult {
  scanned: number;
  deleted: string[];
}

/** `now` is the file system's clock (files carry real modification times), not the application's. */
export async function sweepOrphanBlobs(ctx: AppContext, options: { graceMs?: number; now?: Date } = {}): Promise<SweepResult> {
  const cutoff = (options.now ?? new Date()).getTime() - (options.graceMs ?? BLOB_GRACE_MS);
  const columns = await blobKeyColumns(ctx.db);
  const result: SweepResult = { scanned: 0, deleted: [] };
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await referencedKeys(ctx.db, columns, batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await ctx.blobs.delete(key);
      result.deleted.push(key);
    }
    batch = [];
  };
  for await (const blob of ctx.blobs.list()) {
    result.scanned += 1;
    if (blob.modifiedAt.getTime() >= cutoff) continue;
    batch.push(blob.key);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  return result;
}
