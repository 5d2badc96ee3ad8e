/**
 * Console pages a reviewer checked with axe-core: the login page (everyone's first screen).
 * 互动交流 (the message inbox) has its own file, test/browser/messages.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, seriousViolations, useBrowserAndServer } from '../support/browser.js';

const env = useBrowserAndServer();

describe('the console login page', () => {
  it('passes axe-core without serious violations (contrast of the notes and the portal link included)', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/admin/`);
    await page.getByLabel('用户名').waitFor();
    await page.getByRole('link', { name: '返回公众门户' }).waitFor();
    const violations = seriousViolations(await axeViolations(page));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});
