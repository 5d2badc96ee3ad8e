/**
 * Where uploaded files (attachments, scanned letters, generated notices) live.
 * The interface is small so an S3-compatible store can replace the local directory.
 *
 * A file is written before the database row that references it is committed (a file cannot
 * join a transaction). Two things keep rolled-back work from leaving files behind:
 * - `discardBlobsOnRollback` wraps the database: a file written inside a transaction that
 *   rolls back is deleted with it;
 * - the hourly sweep (src/modules/platform/blob-sweep.service.ts) deletes files that no table
 *   references once they are older than a grace period (those written just before a
 *   transaction that then failed, or by a process that died).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

export interface BlobListing {
  key: string;
  modifiedAt: Date;
}

export interface BlobStore {
  put(data: Buffer): Promise<StoredBlob>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
  /** Every stored file, in no particular order (for the sweep). */
  list(): AsyncIterable<BlobListing>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;
const PREFIX = /^[0-9a-f]{2}$/;

/** The files written in the transaction running in this async context, if any. */
const written = new AsyncLocalStorage<Set<string>>();

export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    // Keys are generated here; anything else could walk out of the directory.
    if (!KEY.test(key)) throw new Error(`invalid blob key: ${key}`);
    return path.join(this.root, key);
  }

  async put(data: Buffer): Promise<StoredBlob> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data, { flag: 'wx' });
    written.getStore()?.add(key);
    return { key, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  async get(key: string): Promise<Buffer> {
    return fs.readFile(this.file(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }

  async *list(): AsyncIterable<BlobListing> {
    let prefixes: string[];
    try {
      prefixes = (await fs.readdir(this.root)).filter((p) => PREFIX.test(p));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const prefix of prefixes) {
      for (const name of await fs.readdir(path.join(this.root, prefix))) {
        const key = `${prefix}/${name}`;
        if (!KEY.test(key)) continue;
        const stat = await fs.stat(path.join(this.root, key)).catch(() => null);
        if (stat?.isFile()) yield { key, modifiedAt: stat.mtime };
      }
    }
  }
}

interface TransactionBuilderLike {
  execute<T>(callback: (trx: never) => Promise<T>): Promise<T>;
}

/**
 * The same database, except that a transaction which fails deletes the files `blobs` wrote
 * inside it: the rows that referenced them are gone with the rollback. Services keep calling
 * `ctx.db.transaction().execute(…)` as before.
 */
export function discardBlobsOnRollback<DB>(db: Kysely<DB>, blobs: BlobStore, onError: (error: unknown) => void = () => {}): Kysely<DB> {
  const tracked = (builder: TransactionBuilderLike): TransactionBuilderLike =>
    new Proxy(builder, {
      get(target, property) {
        if (property === 'execute') {
          return async (callback: (trx: never) => Promise<unknown>) => {
            const keys = new Set<string>();
            try {
              return await written.run(keys, () => target.execute(callback));
            } catch (error) {
              await Promise.all([...keys].map((key) => blobs.delete(key).catch(onError)));
              throw error;
            }
          };
        }
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        // setIsolationLevel() and the like return a new builder: keep tracking it.
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result && typeof result === 'object' && 'execute' in result ? tracked(result as TransactionBuilderLike) : result;
        };
      },
    });
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === 'transaction') return () => tracked(target.transaction() as unknown as TransactionBuilderLike);
      // Kysely keeps its state in private fields: its methods must run on the real instance.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
