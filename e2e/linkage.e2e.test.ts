import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('farmer linkage (联农带农)', () => {
  test('town_guanzhuang opens the mushroom co-operative’s agreement, pays an unpaid household and the flag goes', async () => {
    await withPage(
      browser,
      'linkage',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '联农带农' })
          .click();
        await page.waitForURL('**/linkage');
        const table = page.getByTestId('linkage-table');
        await expect.poll(async () => (await table.textContent()) ?? '').toContain('香菇种植专业合作社');
        await saveScreenshot(page, 'linkage');

        const row = table.locator('tbody tr.ant-table-row').filter({ hasText: '香菇种植专业合作社' });
        await row
          .getByText(/香菇种植专业合作社/)
          .first()
          .click();
        const drawer = page.getByRole('dialog', { name: /联农带农协议/ });
        const households = drawer.getByTestId('linkage-households').locator('tbody tr.ant-table-row');
        await expect.poll(() => households.count()).toBeGreaterThan(0);
        expect(await drawer.textContent()).toContain('订单生产');
        const unpaid = households.filter({ hasText: '本年未获收益' });
        await expect.poll(() => unpaid.count()).toBeGreaterThan(0);
        const before = await unpaid.count();
        await saveScreenshot(page, 'linkage-drawer');

        await unpaid.first().getByRole('button', { name: '登记收益发放' }).click();
        const dialog = page.getByRole('dialog', { name: /登记收益发放/ });
        await chooseOption(dialog, '收益类型', '收购款');
        await dialog.getByLabel('金额（元）').fill('12.345');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(async () => (await dialog.textContent()) ?? '').toContain('金额最多两位小数');
        await dialog.getByLabel('金额（元）').fill('1280.50');
        await dialog.getByLabel('凭证').fill('E2E-收购单-001');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);
        await expect.poll(() => unpaid.count()).toBe(before - 1);
        const benefits = drawer.getByTestId('linkage-benefits');
        await expect.poll(async () => (await benefits.textContent()) ?? '').toContain('E2E-收购单-001');
        expect(await benefits.textContent()).toContain('1280.50');
      },
      { width: 1440, height: 900 },
    );
  });

  test('county_wancheng downloads the 联农带农台账 of the year', async () => {
    await withPage(
      browser,
      'linkage-ledger',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/linkage');
        const table = page.getByTestId('linkage-table');
        await expect.poll(async () => (await table.textContent()) ?? '').toContain('南阳宛农食品有限公司');
        const download = page.waitForEvent('download');
        await page.getByTestId('linkage-ledger').click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/^\d{4}年联农带农台账\.xlsx$/);
      },
      { width: 1440, height: 900 },
    );
  });

  test('on a phone, a township reads the agreements without the page running off the screen', async () => {
    await withPage(
      browser,
      'linkage-phone',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page.goto('/linkage');
        const table = page.getByTestId('linkage-table');
        await expect.poll(async () => (await table.textContent()) ?? '').toContain('香菇种植专业合作社');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'linkage-phone');
      },
      { width: 390, height: 844 },
    );
  });
});
