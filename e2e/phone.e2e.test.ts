import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, withPage } from './browser.js';

/**
 * The pages a village cadre or a helper uses, on a 390×844 phone (issue #13): nothing wider than the screen,
 * the lead list's 查看 on screen, the lead drawer's title on one line, the close form's counter clear of its
 * help. Screenshots go to test-results/phone-*.png to be looked at.
 */
const PHONE = { width: 390, height: 844 };
const shots = fileURLToPath(new URL('../test-results/', import.meta.url));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const shoot = (page: Page, name: string) => page.screenshot({ path: `${shots}phone-${name}.png` });
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('on a 390×844 phone', () => {
  test('the lead list, the lead drawer and the close form fit the screen', async () => {
    await withPage(
      browser,
      'phone-leads',
      async (page) => {
        await login(page, 'village_guanzhuang');
        await page.goto('/leads');
        const rows = page.getByTestId('leads-table').locator('tbody tr.ant-table-row');
        await expect.poll(() => rows.count()).toBeGreaterThan(0);
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
        const view = rows.first().getByRole('button', { name: /查\s*看/ });
        const box = await view.boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
        await shoot(page, 'leads');

        await view.click();
        const title = page.getByTestId('lead-drawer-title');
        await expect.poll(() => title.isVisible()).toBe(true);
        await expect.poll(() => page.getByTestId('lead-detail').isVisible()).toBe(true);
        // One line: a title wrapped a character per line would be many times its font size tall.
        expect((await title.boundingBox())?.height ?? 999).toBeLessThan(40);
        expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
        await shoot(page, 'lead-drawer');

        await page
          .getByTestId('lead-detail')
          .getByRole('button', { name: /核实无风险/ })
          .first()
          .click();
        const dialog = page.getByRole('dialog').filter({ has: page.locator('textarea') });
        await expect.poll(() => dialog.isVisible()).toBe(true);
        const area = dialog.locator('textarea');
        await area.fill('入户核实，情况正常');
        const count = dialog.locator('.ant-input-data-count');
        const help = dialog.locator('.ant-form-item-extra');
        const [countBox, helpBox] = [await count.boundingBox(), await help.boundingBox()];
        expect(countBox).not.toBeNull();
        expect(helpBox).not.toBeNull();
        // The counter ends above where the help text starts.
        expect((countBox?.y ?? 0) + (countBox?.height ?? 0)).toBeLessThanOrEqual((helpBox?.y ?? 0) + 1);
        await shoot(page, 'lead-close');
      },
      PHONE,
    );
  });

  const pages: Array<[string, string[]]> = [
    [
      'village_guanzhuang',
      ['/', '/households', '/leads', '/cases', '/visits', '/visits/new', '/quality', '/reports/self-check'],
    ],
    ['helper_demo', ['/', '/households', '/cases', '/visits', '/visits/new']],
  ];
  for (const [user, paths] of pages) {
    test(`every page ${user} uses is no wider than the phone`, async () => {
      await withPage(
        browser,
        `phone-${user}`,
        async (page) => {
          await login(page, user);
          expect(paths.length).toBeGreaterThan(0);
          for (const path of paths) {
            await page.goto(path);
            await page.waitForLoadState('networkidle');
            await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
            await shoot(page, `${user}${path.replaceAll('/', '_')}`);
          }
        },
        PHONE,
      );
    });
  }
});
