import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { chooseOption, launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;
const today = clock().today();
const stamp = Date.now().toString().slice(-4);
/** This run's own campaign: the demo's campaign and a rerun never get in the way. */
const CAMPAIGN = `E2E四查四促${stamp}`;
const PROBLEM = `E2E问题${stamp}：带动农户未见收益发放记录`;
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('四查四促 and lead enterprises', () => {
  test('county_wancheng sets up a campaign and the sample is drawn', async () => {
    await withPage(
      browser,
      'linkage-checks-create',
      async (page) => {
        await login(page, 'county_wancheng');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '四查四促' })
          .click();
        await page.waitForURL('**/linkage-checks');
        await expect
          .poll(async () => (await page.getByTestId('campaign-table').textContent()) ?? '')
          .toContain('四查四促');
        await page.getByRole('button', { name: '组织核查' }).click();
        const dialog = page.getByRole('dialog', { name: '组织核查' });
        await dialog.getByLabel('活动名称').fill(CAMPAIGN);
        await dialog.getByLabel('抽查比例（%）').fill('100');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);
        const drawer = page.getByRole('dialog', { name: CAMPAIGN });
        const sample = drawer.getByTestId('campaign-sample');
        await expect.poll(async () => (await sample.textContent()) ?? '').toContain('香菇种植专业合作社');
        expect(await sample.textContent()).toContain('随机抽取');
        await saveScreenshot(page, 'linkage-checks-campaign');
      },
      WIDE,
    );
  });

  test('town_guanzhuang checks a sampled agreement against the records and rectifies the finding', async () => {
    await withPage(
      browser,
      'linkage-checks-check',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page.goto('/linkage-checks');
        await page.getByTestId('campaign-table').getByText(CAMPAIGN).click();
        const drawer = page.getByRole('dialog', { name: CAMPAIGN });
        const row = drawer
          .getByTestId('campaign-sample')
          .locator('tbody tr.ant-table-row')
          .filter({ hasText: '香菇种植专业合作社' });
        await row.getByRole('button', { name: /核\s*查/ }).click();
        const check = page.getByRole('dialog', { name: /^核查 · .*香菇种植专业合作社/ });
        const recorded = check.getByTestId('check-recorded');
        await expect.poll(async () => (await recorded.textContent()) ?? '').toContain('带动农户');
        expect(await recorded.textContent()).toContain('未获收益农户');

        for (const [item, result] of [
          ['查项目', '符合'],
          ['查资产', '符合'],
          ['查带农', '基本符合'],
          ['查收益', '不符合'],
        ] as const) {
          await check.getByTestId(`check-item-${item}`).getByText(result, { exact: true }).click();
        }
        const finding = check.getByTestId('finding-form-查收益');
        await finding.getByLabel('问题').fill(PROBLEM);
        await chooseOption(finding, '促进事项', '促增收');
        await finding.getByLabel('责任单位').fill('官庄镇人民政府');
        const deadline = finding.getByLabel('整改期限', { exact: true });
        await deadline.click();
        await deadline.fill(addDays(today, 20));
        await deadline.press('Enter');
        await saveScreenshot(page, 'linkage-checks-check-form');
        await check.getByTestId('save-check').click();
        const findings = check.getByTestId('findings-table');
        await expect.poll(async () => (await findings.textContent()) ?? '').toContain(PROBLEM);
        expect(await findings.textContent()).toContain('待整改');

        await findings.getByRole('button', { name: '登记整改' }).click();
        const act = page.getByRole('dialog', { name: /登记整改/ });
        await act.getByLabel('整改情况').fill('已补发收购款并补齐凭证');
        await act.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
        await expect.poll(async () => (await findings.textContent()) ?? '').toContain('已整改待核验');
      },
      WIDE,
    );
  });

  test('county_wancheng verifies the rectification and reads the lead enterprises', async () => {
    await withPage(
      browser,
      'linkage-checks-verify',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/linkage-checks');
        await page.getByTestId('campaign-table').getByText(CAMPAIGN).click();
        const drawer = page.getByRole('dialog', { name: CAMPAIGN });
        const row = drawer
          .getByTestId('findings-table')
          .locator('tbody tr.ant-table-row')
          .filter({ hasText: PROBLEM });
        await row.getByRole('button', { name: '核验销号' }).click();
        const act = page.getByRole('dialog', { name: /核验销号/ });
        await act.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
        await expect.poll(async () => (await row.textContent()) ?? '').toContain('已核验销号');
        await expect
          .poll(async () => (await drawer.getByTestId('campaign-progress').textContent()) ?? '')
          .toContain('已销号 1');
        await saveScreenshot(page, 'linkage-checks-verified');
        await page.keyboard.press('Escape');

        await page.goto('/linkage-checks?tab=leads');
        const leads = page.getByTestId('lead-table');
        await expect.poll(async () => (await leads.textContent()) ?? '').toContain('南阳宛农食品有限公司');
        const wannong = leads.locator('tbody tr.ant-table-row').filter({ hasText: '南阳宛农食品有限公司' });
        expect(await wannong.textContent()).toContain('达标');
        expect(await leads.textContent()).toMatch(/未达标（首年）|建议取消认定/);
        expect(await page.getByTestId('lead-criteria').textContent()).toContain('100');
        await saveScreenshot(page, 'linkage-checks-leads');
      },
      WIDE,
    );
  });

  test('on a phone, a township reads the campaign and its findings without the page running off the screen', async () => {
    await withPage(
      browser,
      'linkage-checks-phone',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page.goto('/linkage-checks');
        const table = page.getByTestId('campaign-table');
        await expect.poll(async () => (await table.textContent()) ?? '').toContain('四查四促');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'linkage-checks-phone');
        await table.getByText(CAMPAIGN).click();
        const drawer = page.getByRole('dialog', { name: CAMPAIGN });
        await expect
          .poll(async () => (await drawer.getByTestId('findings-table').textContent()) ?? '')
          .toContain(PROBLEM);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // The drawer has slid in: it fills the screen from the left edge.
        const slid = async () =>
          (await page.locator('.ant-drawer-open .ant-drawer-content-wrapper').first().boundingBox())?.x;
        await expect.poll(slid).toBe(0);
        await saveScreenshot(page, 'linkage-checks-phone-drawer');
        // The checked agreement opens with the recorded facts above the results.
        await drawer
          .getByTestId('campaign-sample')
          .locator('tbody tr.ant-table-row')
          .filter({ hasText: '香菇种植专业合作社' })
          .getByRole('button', { name: '查看' })
          .click();
        const check = page.getByRole('dialog', { name: /^核查 · .*香菇种植专业合作社/ });
        await expect
          .poll(async () => (await check.getByTestId('check-recorded').textContent()) ?? '')
          .toContain('带动农户');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'linkage-checks-phone-check');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await page.goto('/linkage-checks?tab=leads');
        await expect
          .poll(async () => (await page.getByTestId('lead-table').textContent()) ?? '')
          .toContain('香菇种植专业合作社');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'linkage-checks-phone-leads');
      },
      PHONE,
    );
  });
});
