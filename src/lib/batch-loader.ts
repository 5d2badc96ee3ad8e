/**
 * Coalesces lookups by key that arrive in the same turn of the event loop into one call
 * (the DataLoader pattern). Under load, many visitors open different item pages at once;
 * one statement for twenty pages costs the database and the driver far less than twenty
 * statements, while a lone request is answered exactly as before (a batch of one).
 */
export class BatchLoader<K, V> {
  private queue: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];

  /**
   * @param loadMany answers a batch of distinct keys; a key missing from its map resolves to undefined.
   * @param maxBatch the most keys in one call (larger queues are split).
   */
  constructor(private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>, private readonly maxBatch = 64) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      // setImmediate runs after the event loop has read every request that is ready, so they share one batch.
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = [];
    for (let start = 0; start < queue.length; start += this.maxBatch) void this.run(queue.slice(start, start + this.maxBatch));
  }

  private async run(waiting: typeof this.queue): Promise<void> {
    try {
      const found = await this.loadMany([...new Set(waiting.map((w) => w.key))]);
      for (const w of waiting) w.resolve(found.get(w.key));
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  }
}
