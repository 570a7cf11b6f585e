import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, login, logout, saveScreenshot, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** GB 11643 check character of the first 17 digits. */
function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '0';
}

/** A household of 张茨园村 (411302102201) with a known ID number, registered through the API as the county would. */
async function registerHousehold(name: string, first17: string): Promise<string> {
  const idNumber = `${first17}${checkCharacter(first17)}`;
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county_wancheng', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csv = `行政区划代码,户类型,姓名,证件号码,与户主关系\n411302102201,脱贫户,${name},${idNumber},户主\n`;
  const response = await fetch(`${baseUrl()}/api/households/import?filename=e2e.csv`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body: csv,
  });
  expect((await response.json()).status).toBe('imported');
  return idNumber;
}

const nav = (page: Page) => page.getByRole('navigation', { name: '菜单' });

describe('department data to village verification and back', () => {
  test('民政 uploads its dibao list, the village verifies the alert, 民政 sees the outcome', async () => {
    const stamp = Date.now().toString().slice(-3);
    const name = `测试${stamp}`;
    const idNumber = await registerHousehold(name, `4113021953061${stamp}9`.slice(0, 17));

    await withPage(browser, 'dept-upload', async (page) => {
      await login(page, 'dept_minzheng');
      // A department lands on its feeds; it has no household registry in its menu.
      await page.waitForURL('**/feeds');
      await expect.poll(() => nav(page).getByRole('menuitem', { name: '部门数据' }).isVisible()).toBe(true);
      expect(await nav(page).getByRole('menuitem', { name: '农户档案' }).count()).toBe(0);
      const csv = `民政局低保变动清单\n姓名,身份证号,救助类别,变动类型,变动日期\n${name},${idNumber.toLowerCase()},低保,新增,2026-11-02\n,,,,\n外地人,${`11010119900307001${checkCharacter('11010119900307001')}`},特困,新增,2026-11-02\n`;
      await page.locator('#feed-file').setInputFiles({
        name: '低保11月.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
      });
      await page.getByRole('button', { name: '上传' }).click();
      const result = page.getByTestId('feed-result');
      await expect.poll(async () => (await result.textContent()) ?? '').toContain('产生预警 1');
      expect(await result.textContent()).toContain('未匹配 1');
      await expect
        .poll(async () => (await page.getByTestId('feeds-table').textContent()) ?? '')
        .toContain('低保11月.csv');
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'feeds');
      await logout(page);

      await login(page, 'village_guanzhuang');
      await nav(page).getByRole('menuitem', { name: '预警中心' }).click();
      await page.waitForURL('**/alerts');
      const row = page
        .getByTestId('alerts-table')
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: name });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain('新纳入低保/特困');
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'alerts');
      await row.getByText('核实', { exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('核实无风险').check();
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      // A reason is required for “not at risk”.
      await expect.poll(() => dialog.getByText('核实无风险须填写理由').isVisible()).toBe(true);
      await dialog.getByLabel('理由 / 说明').fill('入户核实：家中有稳定务工收入');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => row.count()).toBe(0);
      await page.getByRole('tab', { name: '处置时效' }).click();
      await expect
        .poll(async () => (await page.getByTestId('timeliness-table').textContent()) ?? '')
        .toContain('官庄镇');
      // The village's printable poster: its name and a QR code that loaded.
      await page.goto('/alerts/poster/411302102201');
      await expect
        .poll(async () => (await page.getByTestId('poster').textContent()) ?? '')
        .toContain('张茨园村');
      const qr = page.getByTestId('poster').locator('img');
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300);
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'poster');
      await logout(page);

      await login(page, 'dept_minzheng');
      await nav(page).getByRole('menuitem', { name: '部门数据' }).click();
      await page.waitForURL('**/feeds');
      await page
        .getByTestId('feeds-table')
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: '低保11月.csv' })
        .getByRole('link', { name: '反馈' })
        .click();
      await page.waitForURL(/\/feeds\/\d+$/);
      const feedback = page.getByTestId('feedback-table');
      await expect.poll(async () => (await feedback.textContent()) ?? '').toContain('核实无风险');
      const text = (await feedback.textContent()) ?? '';
      expect(text).toContain('入户核实：家中有稳定务工收入');
      expect(text).toContain('未匹配（不在农户档案）');
      expect(text).not.toContain(idNumber);
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'feedback');
    });
  });

  test('the public declaration page works on a phone without login and gives a reference', async () => {
    await withPage(
      browser,
      'declare-phone',
      async (page) => {
        await page.goto('/declare/411302102201');
        await expect
          .poll(async () => (await page.getByTestId('declare-village').textContent()) ?? '')
          .toContain('张茨园村');
        await page.getByLabel('姓名', { exact: true }).first().fill('王大妈');
        const first17 = `41130219600101${Date.now().toString().slice(-3)}`;
        await page.getByLabel('身份证号').fill(`${first17}${checkCharacter(first17)}`);
        await page.getByLabel('手机号').first().fill('13912345678');
        await page.getByLabel('遇到的困难').fill('老伴住院，家里没有收入');
        await page.waitForLoadState('networkidle');
        await saveScreenshot(page, 'declare-phone');
        await page.getByRole('button', { name: '提交申报' }).click();
        const reference = page.getByTestId('declare-reference');
        await expect.poll(() => reference.isVisible()).toBe(true);
        const text = ((await reference.textContent()) ?? '').trim();
        expect(text).toMatch(/^SB\d{6}[A-Z2-9]{8}$/);
        // The status lookup with reference and phone.
        await page.getByLabel('受理号').fill(text);
        await page.getByLabel('手机号').last().fill('13912345678');
        await page.getByRole('button', { name: /查\s*询/ }).click();
        await expect
          .poll(async () => (await page.getByTestId('declare-status').textContent()) ?? '')
          .toContain('已受理');
      },
      { width: 390, height: 844 },
    );
  });
});
