/** The portal's frame: what every page carries, and the files browsers ask for by themselves. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the site icon', () => {
  it('answers /favicon.ico with an icon file, and every page points at it', async () => {
    const res = await t.app.inject('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    // An ICO file: reserved 0, type 1 (icon), then the number of images.
    expect([...res.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(res.rawPayload.readUInt16LE(4)).toBeGreaterThan(0);
    for (const url of ['/', '/xxgk', '/no-such-page']) expect((await t.app.inject(url)).body).toContain('<link rel="icon" href="/favicon.ico"');
  });
});
