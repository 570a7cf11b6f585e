import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clock } from '../src/shared/clock.js';
import { launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;
const year = clock().today().slice(0, 4);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const number = async (text: Promise<string | null>) => Number(((await text) ?? '').replace(/\D/g, ''));

describe('industry coverage (产业帮扶覆盖)', () => {
  test('the county reads its coverage by township, opens one, and downloads the households still to reach', async () => {
    await withPage(browser, 'coverage-county', async (page) => {
      await login(page, 'county_wancheng');
      await page
        .getByRole('navigation', { name: '菜单' })
        .getByRole('menuitem', { name: '产业帮扶覆盖' })
        .click();
      await page.waitForURL('**/industry-coverage');
      const children = page.getByTestId('coverage-children');
      await expect.poll(async () => (await children.textContent()) ?? '').toContain('官庄镇');
      // The demo's paid rewards and linkage places cover some households, not all.
      const covered = await number(page.getByTestId('coverage-covered').textContent());
      const uncovered = await number(page.getByTestId('coverage-uncovered').textContent());
      expect(covered).toBeGreaterThan(0);
      expect(uncovered).toBeGreaterThan(0);
      await saveScreenshot(page, 'industry-coverage');

      // Open a township that still has households to reach (the last column counts them).
      const rows = children.locator('tbody tr.ant-table-row');
      const texts = await rows.allTextContents();
      const index = await (async () => {
        for (let i = 0; i < texts.length; i++) {
          const last = await rows.nth(i).locator('td').last().textContent();
          if (Number(last) > 0) {
            return i;
          }
        }
        return -1;
      })();
      expect(index).toBeGreaterThanOrEqual(0);
      const town = ((await rows.nth(index).locator('td').first().textContent()) ?? '').trim();
      await rows.nth(index).getByText(town).click();
      await page.waitForURL(/regionCode=411302\d{3}/);
      await expect.poll(async () => (await page.getByText(`${town}下辖各地`).count()) > 0).toBe(true);
      const list = page.getByTestId('coverage-uncovered-list');
      await expect.poll(() => list.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      const download = page.waitForEvent('download');
      await page.getByTestId('coverage-xlsx').click();
      expect((await download).suggestedFilename()).toBe(`${town}${year}年产业帮扶未覆盖农户清单.xlsx`);
    });
  });

  test('on a phone, the township reads its coverage without the page running off the screen', async () => {
    await withPage(
      browser,
      'coverage-phone',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page.goto('/industry-coverage');
        // The township's own figures: its villages, and either the households still to reach or why there are none.
        await expect
          .poll(async () => (await page.getByTestId('coverage-children').textContent()) ?? '')
          .toContain('张茨园村');
        const list = page.getByTestId('coverage-uncovered-list');
        await expect
          .poll(
            async () =>
              (await list.locator('tbody tr.ant-table-row').count()) > 0 ||
              (await list.getByText('都已有产业帮扶').count()) > 0,
          )
          .toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'industry-coverage-phone');
      },
      { width: 390, height: 844 },
    );
  });
});
