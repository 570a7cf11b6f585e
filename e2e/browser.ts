import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DEMO_PASSWORD = 'shoudi-demo';

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const screenshotsDir = path.join(resultsDir, 'screenshots');

/** Saves a full-page screenshot to test-results/screenshots/<name>.png, to be looked at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A browser context for the tests (one place to set what every context needs).
 */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0],
): Promise<BrowserContext> {
  // The any-hour runs start the server's clock at 00:30 or 23:30 (scripts/test.mjs) while the browser's own clock
  // is real time, often another day; the web app takes its clock from the server's answers (util/server-clock.ts).
  return browser.newContext(options);
}

/**
 * Runs `body` in a fresh browser context (its own cookies and localStorage); on failure saves a full-page
 * screenshot to test-results/ before rethrowing.
 */
export async function withPage(
  browser: Browser,
  name: string,
  body: (page: Page, context: BrowserContext) => Promise<void>,
  viewport = { width: 1366, height: 768 },
): Promise<void> {
  const context = await newContext(browser, { baseURL: baseUrl(), viewport, locale: 'zh-CN' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  try {
    await body(page, context);
  } catch (error) {
    await mkdir(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

/** Logs in through the real form and waits for the shell. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => page.getByTestId('current-user').isVisible(), { timeout: 15_000 }).toBe(true);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').waitFor();
}

/**
 * Chooses `title` in the Ant Design select labelled `label` inside `scope`, and waits until the select shows it.
 * The option list opens with an animation; on a loaded machine a click can land while it is still moving and be
 * lost, so the choice is retried (a real user would click again too) until the select holds the value.
 */
export async function chooseOption(scope: Page | Locator, label: string, title: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByLabel(label, { exact: true });
  // The whole form item, so the check reads what the select displays (not the portalled option list).
  const item = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]');
  const chosen = item.filter({ hasText: title });
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(title, {
    exact: true,
  });
  for (let attempt = 1; ; attempt++) {
    // Clicking the field while its list is open would close it.
    if (!(await option.isVisible())) {
      await field.click();
    }
    await option.click();
    try {
      await chosen.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

/**
 * Chooses a region in a RegionPicker: expands each ancestor in `path` (the tree loads lazily), then picks the
 * last. As in chooseOption, a click that lands while the list is still opening is retried; an ancestor is
 * clicked only while it is collapsed, since clicking an expanded one would fold it again.
 */
export async function chooseRegion(
  scope: Page | Locator,
  label: string,
  path: readonly string[],
): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByLabel(label, { exact: true });
  const item = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]');
  const tree = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByRole('tree');
  const title = (name: string) => tree.getByText(name, { exact: true });
  const target = path.at(-1);
  if (!target) {
    throw new Error('chooseRegion: empty path');
  }
  await field.click();
  for (const [i, name] of path.slice(0, -1).entries()) {
    const next = title(path[i + 1] ?? target);
    const node = tree.getByRole('treeitem').filter({ has: title(name) });
    await expect
      .poll(async () => {
        if (await next.isVisible()) {
          return true;
        }
        if ((await node.getAttribute('aria-expanded', { timeout: 1_000 }).catch(() => null)) !== 'true') {
          await title(name).click();
        }
        return false;
      })
      .toBe(true);
  }
  for (let attempt = 1; ; attempt++) {
    if (!(await title(target).isVisible())) {
      await field.click();
    }
    await title(target).click();
    try {
      await item.filter({ hasText: target }).first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
    }
  }
}
