import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Polls until the page has caught up: a login, a lazy page and its request can take seconds on a busy machine. */

const tableRows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row');

async function openMenu(page: Page, group: string, item: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '菜单' });
  const link = nav.getByRole('menuitem', { name: new RegExp(`${item}$`) });
  if (!(await link.isVisible())) {
    await nav.getByRole('menuitem', { name: group }).click();
  }
  await link.click();
}

/** Opens 季度通报 and drafts this quarter's bulletin of the user's own region. */
async function draftBulletin(page: Page): Promise<void> {
  await openMenu(page, '报表', '季度通报');
  await page.getByTestId('bulletins-table').waitFor();
  await page.getByRole('button', { name: /起草通报/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /起草通报/ })
    .click();
  await expect.poll(() => page.getByText('已起草通报').isVisible()).toBe(true);
}

describe('reports', () => {
  test('the workbench shows the dashboard figures to a report reader', async () => {
    await withPage(browser, 'reports-dashboard', async (page) => {
      await login(page, 'village_guanzhuang');
      await page.getByTestId('dashboard-kpis').waitFor();
      await expect.poll(() => page.getByTestId('dashboard-kpis').textContent()).toContain('监测帮扶中');
      await page.getByTestId('chart-trend').locator('canvas').first().waitFor();
    });
  });

  test('town_guanzhuang signs its self-check; county_wancheng sees 官庄镇 signed', async () => {
    await withPage(browser, 'reports-selfcheck-town', async (page) => {
      await login(page, 'town_guanzhuang');
      await openMenu(page, '报表', '月度自查');
      await page.waitForURL('**/reports/self-check');
      await expect.poll(() => tableRows(page, 'selfcheck-items').count()).toBe(6);
      await page.getByRole('button', { name: /签署自查/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('备注').fill('已逐项核对，问题已交办');
      await dialog.getByRole('button', { name: /签署自查/ }).click();
      await expect.poll(() => page.getByTestId('selfcheck-signed').isVisible()).toBe(true);
      expect(await page.getByTestId('selfcheck-signoff').textContent()).toContain('已逐项核对，问题已交办');
    });
    await withPage(browser, 'reports-selfcheck-county', async (page) => {
      await login(page, 'county_wancheng');
      await openMenu(page, '报表', '月度自查');
      const row = tableRows(page, 'selfcheck-children').filter({ hasText: '官庄镇' });
      await expect.poll(() => row.textContent()).toContain('已签署');
      expect(await row.textContent()).toContain('官庄镇干部');
    });
  });

  test('city_admin drafts a quarterly bulletin and downloads it as Word', async () => {
    await withPage(browser, 'reports-bulletin', async (page) => {
      await login(page, 'city_admin');
      await draftBulletin(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('bulletin-docx').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
    });
  });

  test('county_wancheng drafts its own quarterly bulletin and may edit and issue it', async () => {
    await withPage(browser, 'reports-county-bulletin', async (page) => {
      await login(page, 'county_wancheng');
      await draftBulletin(page);
      await expect.poll(() => page.getByRole('button', { name: /印\s*发/ }).count()).toBeGreaterThan(0);
    });
  });

  test('city_admin reads the monthly summary with its total row and the quarterly ranking of counties', async () => {
    await withPage(browser, 'reports-monthly-ranking', async (page) => {
      await login(page, 'city_admin');
      await openMenu(page, '报表', '月度小结');
      await expect.poll(() => tableRows(page, 'monthly-table').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('monthly-table').textContent()).toContain('合计');
      await openMenu(page, '报表', '季度排序');
      await expect.poll(() => tableRows(page, 'ranking-table').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('ranking-table').textContent()).toContain('宛城区');
    });
  });
});
