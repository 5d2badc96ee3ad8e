import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/lib/page-cache.js';

function deferred() {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('PageCache', () => {
  it('renders a page once for requests that arrive while it is being rendered', async () => {
    const cache = new PageCache();
    const gate = deferred();
    let renders = 0;
    const render = () => { renders += 1; return gate.promise; };
    const waiting = [cache.getOrRender('/a', render), cache.getOrRender('/a', render), cache.getOrRender('/a', render)];
    gate.resolve('<p>a</p>');
    expect((await Promise.all(waiting)).map((p) => p.body.toString())).toEqual(['<p>a</p>', '<p>a</p>', '<p>a</p>']);
    expect(renders).toBe(1);
    expect((await cache.getOrRender('/a', render)).body.toString()).toBe('<p>a</p>');
    expect(renders).toBe(1);
  });

  it('does not keep a page whose rendering started before the catalog changed', async () => {
    const cache = new PageCache();
    const gate = deferred();
    const stale = cache.getOrRender('/a', () => gate.promise);
    cache.invalidate();
    gate.resolve('before the change');
    expect((await stale).body.toString()).toBe('before the change');
    expect(cache.get('/a')).toBeUndefined();
    expect((await cache.getOrRender('/a', async () => 'after the change')).body.toString()).toBe('after the change');
  });

  it('expires pages after its time to live and shares a failed rendering\'s error', async () => {
    const cache = new PageCache(1000);
    await cache.getOrRender('/a', async () => 'one');
    expect(cache.get('/a', Date.now() + 700)?.body.toString()).toBe('one');
    expect(cache.get('/a', Date.now() + 1500)).toBeUndefined();
    const failing = () => Promise.reject(new Error('not found'));
    await expect(Promise.all([cache.getOrRender('/b', failing), cache.getOrRender('/b', failing)])).rejects.toThrow('not found');
    expect((await cache.getOrRender('/b', async () => 'found')).body.toString()).toBe('found');
  });

  it('keeps data the pages are built from until the catalog changes, and forgets a failed load', async () => {
    const cache = new PageCache();
    let loads = 0;
    const load = async () => { loads += 1; return ['财政局', '教育局']; };
    expect(await cache.memo('orgs', load)).toEqual(['财政局', '教育局']);
    expect(await cache.memo('orgs', load)).toEqual(['财政局', '教育局']);
    expect(loads).toBe(1);
    cache.invalidate();
    await cache.memo('orgs', load);
    expect(loads).toBe(2);
    await expect(cache.memo('broken', () => Promise.reject(new Error('database unavailable')))).rejects.toThrow('database unavailable');
    expect(await cache.memo('broken', async () => 'recovered')).toBe('recovered');
  });
});
