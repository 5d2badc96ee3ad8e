/**
 * Server processes that share a PostgreSQL database — several on one machine
 * (WEB_CONCURRENCY) or on several machines — tell each other when something they cache
 * changed, so a publication or a calendar edit shows at once everywhere, as it does with
 * one process. The messages go through PostgreSQL LISTEN/NOTIFY on one dedicated
 * connection per process. While that connection is down the caches' short lifetimes
 * bound staleness, and when it comes back every cache is dropped (changes may have been
 * missed in between).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type SharedChange = 'pages' | 'calendar';
const CHANGES: SharedChange[] = ['pages', 'calendar'];
const CHANNEL = 'gongkai_changes';
const MAX_RETRY_MS = 30_000;

export interface Peers {
  /** Tells the other processes that this one changed what they cache. */
  announce(change: SharedChange): void;
  close(): Promise<void>;
}

interface Log {
  warn(details: object, message: string): void;
}

/** Without a shared database server (the embedded database) there is no other process to tell. */
export const NO_PEERS: Peers = { announce() {}, close: async () => {} };

/**
 * Listens for the other processes' changes on `databaseUrl` and applies them; resolves once
 * listening (or after the first failed attempt, retrying in the background).
 */
export async function connectPeers(databaseUrl: string, apply: Record<SharedChange, () => void>, log: Log): Promise<Peers> {
  const self = randomUUID();
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = 1000;
  let retry: NodeJS.Timeout | undefined;

  const applyAll = () => CHANGES.forEach((c) => apply[c]());

  async function connect(isReconnect: boolean): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'gongkai-peers' });
    next.on('notification', (message) => {
      const [sender, change] = (message.payload ?? '').split(':');
      if (sender !== self && CHANGES.includes(change as SharedChange)) apply[change as SharedChange]();
    });
    next.on('error', (err) => reconnectLater(next, err));
    next.on('end', () => reconnectLater(next));
    try {
      await next.connect();
      await next.query(`listen ${CHANNEL}`);
    } catch (err) {
      reconnectLater(next, err);
      return;
    }
    if (closed) return void next.end().catch(() => {});
    client = next;
    retryMs = 1000;
    if (isReconnect) applyAll();
  }

  function reconnectLater(failed: pg.Client, err?: unknown) {
    if (closed || retry || (client && client !== failed)) return;
    client = undefined;
    failed.removeAllListeners('end');
    failed.end().catch(() => {});
    log.warn({ err }, `cache change notifications unavailable; retrying in ${retryMs / 1000} s`);
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  await connect(false);
  return {
    announce(change) {
      client?.query('select pg_notify($1, $2)', [CHANNEL, `${self}:${change}`]).catch((err) => log.warn({ err }, 'could not announce a cache change'));
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      current?.removeAllListeners('end');
      await current?.end().catch(() => {});
    },
  };
}
