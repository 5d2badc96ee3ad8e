/**
 * What a role walkthrough checks on every screen a person works in: the words shown are Chinese
 * (no code of the label table, no raw JSON), nothing overflows the 1366 px console, axe-core finds
 * no serious violation; and a screenshot is saved to /tmp/walk/ to be looked at.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { LABELS } from '../../src/domain/labels.js';
import { axeViolations, seriousViolations, signInToConsole } from './browser.js';

export const SHOT_DIR = '/tmp/walk';

/** Lower-case codes that are no English word a Chinese page would otherwise show (usernames such as admin or clerk are). */
const PLAIN_CODES = ['draft', 'scheduled', 'published', 'withdrawn', 'proactive', 'withheld', 'submitted', 'processing', 'completed', 'granted', 'partial', 'online', 'natural', 'mobile', 'redacted', 'accepted'];

/** Every code of the label table that a person must never read: camelCase or dotted keys, and the plain ones above. */
const CODES = [...new Set(Object.entries(LABELS)
  .filter(([vocabulary]) => vocabulary !== 'formField' && vocabulary !== 'auditField')
  .flatMap(([, table]) => Object.keys(table as Record<string, string>))
  .filter((key) => /[A-Z.]/.test(key) || PLAIN_CODES.includes(key)))]
  .sort((a, b) => b.length - a.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const CODE_PATTERN = new RegExp(`(?<![A-Za-z0-9_.@/-])(${CODES.map(escape).join('|')})(?![A-Za-z0-9_])|\\{"|\\buser #\\d`);

/** A console at the width staff work at. */
export async function consolePage(browser: Browser, baseUrl: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signInToConsole(page, baseUrl, username, password);
  return page;
}

/** Waits until the page's spinners are gone (lists and cards load after the heading). */
export async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading'), undefined, { timeout: 30_000 });
}

/**
 * The checks of one screen: words not codes, no horizontal overflow, no serious axe violation,
 * and a full-page screenshot at /tmp/walk/<name>.png.
 */
export async function checkScreen(page: Page, name: string, options: { axe?: boolean } = {}) {
  await settled(page);
  const text = await page.innerText('body');
  const code = text.match(CODE_PATTERN);
  expect(code?.[0], `${name}: a code is shown in “${code ? text.slice(Math.max(0, code.index! - 40), code.index! + 60) : ''}”`).toBeUndefined();
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].find((e) => e.getBoundingClientRect().right > width + 0.5);
    return { by: document.documentElement.scrollWidth - width, element: wide ? `${wide.tagName.toLowerCase()}.${wide.className}: ${(wide.textContent ?? '').slice(0, 40)}` : '' };
  });
  expect(overflow.by, `${name}: the page is wider than the window (${overflow.element})`).toBeLessThanOrEqual(0);
  if (options.axe ?? true) {
    const violations = seriousViolations(await axeViolations(page));
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOT_DIR}/${name}.png`, fullPage: true });
}

/** The text of a visible element, once it is there. */
export async function textOf(page: Page, selector: string) {
  const locator = page.locator(selector).first();
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

/** Picks an option of a searchable select by typing part of it (long lists render only the options in view). */
export async function searchAndChoose(page: Page, label: string, option: string) {
  const input = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select', { has: input });
  for (let attempt = 1; ; attempt += 1) {
    await input.click();
    await input.fill(option);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: new RegExp(`^${escape(option)}$`) }).first().waitFor();
    await input.press('Enter');
    for (let i = 0; i < 30; i += 1) {
      if ((await select.textContent())?.includes(option)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`the select “${label}” does not show “${option}”`);
  }
}
