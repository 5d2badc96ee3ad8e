import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('has safe defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, workers: 1, secureCookies: false, seedDemo: true, sessionIdleMinutes: 30 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'port'],
    [{ DATABASE_URL: 'not a url' }, 'databaseUrl'],
    [{ WEB_CONCURRENCY: '0' }, 'workers'],
    [{ WEB_CONCURRENCY: '2' }, 'WEB_CONCURRENCY 大于 1 时须设置 DATABASE_URL'],
    [{ TRUST_PROXY: 'nginx' }, '无法识别：nginx'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'trustProxy'],
  ])('refuses %o with a message naming the problem', (env, text) => {
    expect(() => loadConfig(env)).toThrow(text);
  });

  it('believes X-Forwarded-For only from the proxies it is told of', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.10', '::1']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('runs several processes only on PostgreSQL', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '4', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gongkai' }).workers).toBe(4);
  });
});
