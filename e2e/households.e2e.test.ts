import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, launchBrowser, login, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const rows = (page: Page) => page.getByTestId('households-table').locator('tbody tr.ant-table-row');

/** Opens 农户档案 from the navigation and waits for the first page of households. */
async function openHouseholds(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '菜单' }).getByRole('menuitem', { name: '农户档案' }).click();
  await page.waitForURL('**/households');
  await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
}

/** GB 11643 check character of the first 17 digits. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '0';
}

describe('household registry', () => {
  test('county_wancheng finds a household, edits it and sees the change in its history', async () => {
    await withPage(browser, 'households-edit-history', async (page) => {
      await login(page, 'county_wancheng');
      await openHouseholds(page);

      // Search by the head name of the first result.
      const headName = ((await rows(page).first().locator('td').nth(1).textContent()) ?? '').trim();
      expect(headName.length).toBeGreaterThan(0);
      await page.getByRole('search').getByLabel('户主姓名', { exact: true }).fill(headName);
      await page
        .getByRole('search')
        .getByRole('button', { name: /查\s*询/ })
        .click();
      await page.waitForURL(/headName=/);
      await expect.poll(async () => (await rows(page).first().textContent()) ?? '').toContain(headName);
      await rows(page).first().getByRole('link', { name: headName }).click();
      await page.waitForURL(/\/households\/\d+$/);
      await expect.poll(() => page.getByTestId('household-title').textContent()).toBe(headName);
      await expect.poll(() => page.getByTestId('household-summary').textContent()).toContain('人均纯收入');

      // Edit the address and the housing grade, then save.
      const address = `E2E路${Date.now().toString(36)}号`;
      await page.getByLabel('住址', { exact: true }).fill(address);
      const gradeItem = page.locator('.ant-form-item').filter({ hasText: '住房安全等级' });
      const currentGrade = (await gradeItem.textContent()) ?? '';
      const newGrade = currentGrade.includes('D 级危房') ? 'B 级（基本安全）' : 'D 级危房';
      await chooseOption(page, '住房安全等级', newGrade);
      await page.getByRole('button', { name: '保存基本信息' }).click();
      await expect.poll(() => page.getByText('已保存', { exact: true }).isVisible()).toBe(true);

      // The history tab shows who changed what: old → new, in words.
      await page.getByRole('tab', { name: '变更记录' }).click();
      const history = page.getByTestId('history-table');
      await expect.poll(async () => (await history.textContent()) ?? '').toContain(address);
      const latest = history.locator('tbody tr.ant-table-row').first();
      const text = (await latest.textContent()) ?? '';
      expect(text).toContain('修改户信息');
      expect(text).toContain('county_wancheng');
      expect(text).toContain('住址');
      expect(text).toContain('住房安全等级');
      expect(text).toContain(newGrade);
    });
  });

  test('an income amount is typed as decimal text: three decimals are refused, 0.10 is kept as 0.10', async () => {
    await withPage(browser, 'households-income-amount', async (page) => {
      await login(page, 'county_wancheng');
      await openHouseholds(page);
      const headName = ((await rows(page).first().locator('td').nth(1).textContent()) ?? '').trim();
      await rows(page).first().getByRole('link', { name: headName }).click();
      await page.waitForURL(/\/households\/\d+$/);
      await page.getByRole('tab', { name: '收入' }).click();
      await page.getByRole('button', { name: '添加收入' }).click();
      const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('金额（元）', { exact: true }) });
      await chooseOption(dialog, '收入类别', '工资性收入');
      await chooseOption(dialog, '子项', '务工收入');
      const amount = dialog.getByLabel('金额（元）', { exact: true });
      expect(await amount.getAttribute('inputmode')).toBe('decimal');
      await amount.fill('12.345');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(() => dialog.getByText('金额（元）应为不超过两位小数的金额，如 1200.50').isVisible())
        .toBe(true);
      await amount.fill('0.10');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => page.getByText('已添加', { exact: true }).isVisible()).toBe(true);
      const groups = page.getByTestId('income-groups');
      await expect
        .poll(async () => (await groups.locator('td').allTextContents()).map((c) => c.trim()))
        .toContain('0.10');
    });
  });

  test('an invalid ID number is refused on its field; a full ID typed with spaces finds the household', async () => {
    await withPage(browser, 'households-member-id', async (page) => {
      await login(page, 'county_wancheng');
      await openHouseholds(page);
      const headName = ((await rows(page).first().locator('td').nth(1).textContent()) ?? '').trim();
      await rows(page).first().getByRole('link', { name: headName }).click();
      await page.waitForURL(/\/households\/\d+$/);
      await page.getByRole('tab', { name: /家庭成员/ }).click();

      // The head's full ID number, shown once in a modal (and audited).
      await page.getByRole('button', { name: `查看完整证件号 ${headName}` }).click();
      const reveal = page.getByTestId('reveal-result');
      await expect.poll(() => reveal.isVisible()).toBe(true);
      const fullId = ((await reveal.locator('.ant-typography').first().textContent()) ?? '').trim();
      expect(fullId).toMatch(/^\d{17}[\dX]$/);
      await page.getByRole('button', { name: /关\s*闭/ }).click();

      // A member with a wrong check character: the server's Chinese message lands on the ID field.
      await page.getByRole('button', { name: /添加成员/ }).click();
      const dialog = page.getByRole('dialog', { name: '添加家庭成员' });
      await dialog.getByLabel('姓名', { exact: true }).fill('测试成员');
      await chooseOption(dialog, '与户主关系', '之子');
      const first17 = '41130220100315123';
      const right = checkCharacter(first17);
      const wrong = right === '0' ? '1' : '0';
      await dialog.getByLabel('身份证号', { exact: true }).fill(`${first17}${wrong}`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const idItem = dialog
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel('身份证号', { exact: true }) });
      await expect
        .poll(async () => (await idItem.locator('.ant-form-item-explain-error').textContent()) ?? '')
        .toContain(`身份证号校验位错误（应为 ${right}）`);
      await dialog.getByRole('button', { name: /取\s*消/ }).click();

      // Search by that ID number typed in groups with spaces.
      await openHouseholds(page);
      const spaced = `${fullId.slice(0, 6)} ${fullId.slice(6, 14)} ${fullId.slice(14)}`;
      await page.getByRole('search').getByLabel('身份证号', { exact: true }).fill(spaced);
      await page
        .getByRole('search')
        .getByRole('button', { name: /查\s*询/ })
        .click();
      await page.waitForURL(/idNumber=/);
      await expect.poll(() => rows(page).count()).toBe(1);
      expect(await rows(page).first().textContent()).toContain(headName);
    });
  });

  test('city_admin runs a screening and sees the counts per reason', async () => {
    await withPage(browser, 'screening-run', async (page) => {
      await login(page, 'city_admin');
      await openHouseholds(page);
      // The city desk reads households but may not add them.
      expect(await page.getByRole('button', { name: /新增农户/ }).count()).toBe(0);
      await page.getByRole('button', { name: /排\s*查/ }).click();
      await page.waitForURL('**/households/screening');
      await page.getByRole('button', { name: /开始排查/ }).click();
      const result = page.getByTestId('run-result');
      await expect.poll(() => result.isVisible(), { timeout: 60_000 }).toBe(true);
      const text = (await result.textContent()) ?? '';
      expect(text).toContain('排查户数');
      expect(text).toContain('新增线索');
      expect(text).toContain('南阳市');
      const screened = Number(
        ((await result.locator('.ant-statistic-content-value').first().textContent()) ?? '').replace(
          /\D/g,
          '',
        ),
      );
      expect(screened).toBeGreaterThan(1000);
      // Reasons are named, never shown as codes.
      const reasons = (await page.getByTestId('reason-counts').textContent()) ?? '';
      expect(reasons).toMatch(/人均纯收入|保障有问题|饮水安全|医疗自付/);
      expect(reasons).not.toMatch(/income_|guarantee_/);
      await expect
        .poll(async () => (await page.getByTestId('runs-table').textContent()) ?? '')
        .toContain('已完成');
    });
  });
});
