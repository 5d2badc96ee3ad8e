import { describe, expect, it } from 'vitest';
import { BatchLoader } from '../../src/lib/batch-loader.js';

function squares() {
  const calls: number[][] = [];
  const loader = new BatchLoader<number, number>(async (keys) => {
    calls.push(keys);
    return new Map(keys.filter((k) => k >= 0).map((k) => [k, k * k]));
  }, 3);
  return { loader, calls };
}

describe('BatchLoader', () => {
  it('answers lookups made in the same turn with one call, each key once', async () => {
    const { loader, calls } = squares();
    expect(await Promise.all([loader.load(2), loader.load(3), loader.load(2)])).toEqual([4, 9, 4]);
    expect(calls).toEqual([[2, 3]]);
  });

  it('answers a lone lookup by itself, and later lookups in a new call', async () => {
    const { loader, calls } = squares();
    expect(await loader.load(5)).toBe(25);
    expect(await loader.load(6)).toBe(36);
    expect(calls).toEqual([[5], [6]]);
  });

  it('splits a large queue into calls of at most the batch size', async () => {
    const { loader, calls } = squares();
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map((k) => loader.load(k)))).toEqual([1, 4, 9, 16, 25, 36, 49]);
    expect(calls).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('resolves a key the call did not find to undefined', async () => {
    const { loader } = squares();
    expect(await Promise.all([loader.load(-1), loader.load(4)])).toEqual([undefined, 16]);
  });

  it('rejects every lookup of a failed call, and recovers for the next one', async () => {
    let fail = true;
    const loader = new BatchLoader<string, string>(async (keys) => {
      if (fail) throw new Error('database unavailable');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    });
    const failed = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await loader.load('a')).toBe('A');
  });
});
