import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { chooseOption, launchBrowser, login, withPage } from './browser.js';

let browser: Browser;
const today = clock().today();
const NAME = '东岗村羊肚菌种植基地建设项目';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const drawer = (page: Page) => page.getByTestId('project-drawer');
const stage = (page: Page) => drawer(page).getByTestId('project-stage').textContent();

async function openProject(page: Page) {
  await page.goto('/projects');
  await page.getByRole('button', { name: NAME }).first().click();
  await drawer(page).waitFor();
}

/** Clicks a step button in the drawer, ticks every checklist box and confirms. */
async function step(page: Page, button: string, checklist = false) {
  await drawer(page).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: button });
  if (checklist) {
    for (const box of await dialog.getByRole('checkbox').all()) {
      await box.check();
    }
  }
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe('projects and connection funds', () => {
  test('a village declares a project, the township reviews, the county approves and pays, the city downloads the bulletin', async () => {
    await withPage(browser, 'projects-village-declares', async (page) => {
      await login(page, 'village_guanzhuang');
      await page.goto('/projects');
      await page.getByRole('button', { name: /申报项目/ }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel('项目名称').fill(NAME);
      await form.getByLabel('项目类别').click();
      await page
        .getByRole('menuitemcheckbox', { name: '产业发展' })
        .click()
        .catch(async () => {
          await page.locator('.ant-cascader-menu-item').filter({ hasText: '产业发展' }).click();
        });
      await page.locator('.ant-cascader-menu-item').filter({ hasText: '生产（产业）' }).click();
      await form.getByLabel('建设任务').fill('新建羊肚菌大棚');
      await form.getByLabel('投资概算（元）').fill('500000.00');
      await form.getByLabel('资金金额1').fill('500000.00');
      await form.getByLabel('实施单位').fill('官庄镇人民政府');
      await form.getByRole('button', { name: /申\s*报/ }).click();
      await drawer(page).waitFor();
      await expect.poll(() => stage(page)).toBe('草拟');
      // The notice was posted on the village board 12 days ago and ended yesterday.
      await drawer(page).getByRole('button', { name: '发起公示' }).click();
      const dialog = page.getByRole('dialog', { name: '发起公示' });
      const start = dialog.getByPlaceholder('开始日期');
      await start.click();
      await start.fill(addDays(today, -12));
      await start.press('Enter');
      const end = dialog.getByPlaceholder('结束日期');
      await end.fill(addDays(today, -1));
      await end.press('Enter');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(() => stage(page)).toBe('公示中');
      await step(page, '公示期满报送');
      await expect.poll(() => stage(page)).toBe('乡镇审核');
    });

    await withPage(browser, 'projects-township-reviews', async (page) => {
      await login(page, 'town_guanzhuang');
      await openProject(page);
      await step(page, '乡镇审核通过', true);
      await expect.poll(() => stage(page)).toBe('县级论证审定');
    });

    await withPage(browser, 'projects-county-approves-and-pays', async (page) => {
      await login(page, 'county_wancheng');
      await page.goto('/funds');
      await page.getByRole('tab', { name: '资金下达' }).click();
      await page.getByRole('button', { name: /登记资金下达/ }).click();
      const allocation = page.getByRole('dialog', { name: '登记资金下达' });
      await allocation.getByLabel('下达文号').fill('宛财农〔E2E〕1号');
      await allocation.getByLabel('金额（元）').fill('300000.00');
      await allocation.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => page.getByRole('cell', { name: '宛财农〔E2E〕1号' }).isVisible()).toBe(true);

      await openProject(page);
      await step(page, '县级审定入库', true);
      await expect.poll(() => stage(page)).toBe('已入库');
      await drawer(page).getByRole('button', { name: '安排资金' }).click();
      const line = page.getByRole('dialog', { name: '安排资金到项目' });
      await chooseOption(line, '资金文号', '宛财农〔E2E〕1号（中央衔接资金，未安排 300000.00 元）');
      await line.getByLabel('金额（元）').fill('200000.00');
      await line.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect
        .poll(() => drawer(page).getByRole('cell', { name: '宛财农〔E2E〕1号' }).isVisible())
        .toBe(true);
      await drawer(page).getByRole('button', { name: '登记支付' }).click();
      const pay = page.getByRole('dialog', { name: '登记支付' });
      await pay.getByLabel('金额（元）').fill('50000.00');
      await pay.getByLabel('凭证号').fill('PZ-E2E-1');
      await pay.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => drawer(page).getByText('50000.00 元').isVisible()).toBe(true);
    });

    await withPage(browser, 'projects-city-bulletin', async (page) => {
      await login(page, 'city_admin');
      await page.goto('/funds');
      await expect.poll(() => page.getByRole('cell', { name: '宛城区' }).isVisible()).toBe(true);
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('bulletin-xlsx').click(),
      ]);
      expect(xlsx.suggestedFilename()).toMatch(/月通报.*\.xlsx$/);
      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('fund-bulletin-docx').click(),
      ]);
      expect(docx.suggestedFilename()).toMatch(/月通报.*\.docx$/);
    });
  });
});
