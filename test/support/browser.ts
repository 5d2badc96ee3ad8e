/**
 * Debian's chromium driven by playwright-core (never a downloaded browser).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { startTestServer, TestServer } from './server.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', javaScriptEnabled: options.javaScriptEnabled ?? true });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page through the DevTools protocol. Use a context with JavaScript
 * enabled: in a JavaScript-off context the evaluation does not return.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // A drawer or dialog still fading in or out has half-transparent text: axe would measure a contrast nobody reads.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 }).catch(() => undefined);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target })) }))))`,
    awaitPromise: true,
    returnByValue: true,
  });
  return JSON.parse(result.value as string);
}

export function seriousViolations(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The serious or critical axe-core violations of a page opened in a fresh context (empty when it passes). */
export async function seriousViolationsAt(browser: Browser, url: string): Promise<AxeViolation[]> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    return seriousViolations(await axeViolations(page));
  } finally {
    await context.close();
  }
}

/**
 * One listening platform and one browser for a test file: `const env = useBrowserAndServer()`,
 * then `env.server` and `env.browser` inside tests.
 */
export function useBrowserAndServer(setup?: (server: TestServer) => Promise<void>) {
  // A browser flow takes seconds alone but can take several times longer while the other test
  // files keep both cores busy; the guard is generous so that only a real hang fails.
  vi.setConfig({ testTimeout: 120_000 });
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startTestServer();
    env.browser = await launchBrowser();
    if (setup) await setup(env.server);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Signs in to the console at /admin/ and waits for the dashboard. */
export async function signInToConsole(page: Page, baseUrl: string, username: string, password: string, options: { waitForDashboard?: boolean } = {}) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (options.waitForDashboard ?? true) await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/**
 * Picks an option of an Ant Design select by its label and waits until the select shows it.
 * The dropdown animates; under load a click can land before it is ready, so try again.
 */
export async function chooseOption(page: Page, scope: Locator, label: string | RegExp, option: string) {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const shown = scope.getByLabel(label).locator(`xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
  for (let attempt = 1; ; attempt += 1) {
    await scope.getByLabel(label).click();
    const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: exact });
    await item.first().click();
    for (let i = 0; i < 50; i += 1) {
      if ((await shown.textContent())?.includes(option)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`the select “${String(label)}” does not show “${option}”`);
  }
}
