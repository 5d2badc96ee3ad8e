/**
 * Server processes of one machine (node:cluster, WEB_CONCURRENCY > 1) tell each other when
 * something they cache changed, so a publication or a calendar edit shows at once in every
 * process, as it does with one. (Separate machines still rely on the caches' short lifetimes.)
 */
import cluster from 'node:cluster';

export type SharedChange = 'pages' | 'calendar';
const MESSAGE = 'gongkai:changed';

interface ChangeMessage {
  type: typeof MESSAGE;
  change: SharedChange;
}

function isChange(message: unknown): message is ChangeMessage {
  return typeof message === 'object' && message !== null && (message as ChangeMessage).type === MESSAGE;
}

/** In a worker: applies the other workers' changes; returns how to announce one's own (a no-op outside a cluster). */
export function shareChanges(apply: Record<SharedChange, () => void>): (change: SharedChange) => void {
  if (!cluster.isWorker) return () => {};
  process.on('message', (message) => {
    if (isChange(message) && message.change in apply) apply[message.change]();
  });
  return (change) => process.send?.({ type: MESSAGE, change } satisfies ChangeMessage);
}

/** In the primary: passes each worker's change on to the other workers. */
export function relayChanges(): void {
  cluster.on('message', (from, message) => {
    if (!isChange(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker.id !== from.id) worker.send(message);
  });
}
