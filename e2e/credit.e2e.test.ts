import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clock } from '../src/shared/clock.js';
import { baseUrl, DEMO_PASSWORD, launchBrowser, login, logout, saveScreenshot, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '0';
}

async function session(username: string): Promise<string> {
  const response = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function post(cookie: string, path: string, body: unknown) {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A 脱贫户 of 东岗村 whose loan the village applied for and the bank lent, through the API. */
async function disbursedLoan(name: string, idNumber: string, contractNo: string) {
  const county = await session('county_wancheng');
  const csv = `行政区划代码,户类型,姓名,证件号码,与户主关系\n411302102201,脱贫户,${name},${idNumber},户主\n`;
  const imported = await fetch(`${baseUrl()}/api/households/import?filename=e2e-credit.csv`, {
    method: 'POST',
    headers: { cookie: county, 'content-type': 'application/octet-stream' },
    body: csv,
  });
  expect((await imported.json()).status).toBe('imported');
  const village = await session('village_guanzhuang');
  const bank = await session('bank_demo');
  const banks = await (await fetch(`${baseUrl()}/api/credit/banks`, { headers: { cookie: bank } })).json();
  let loan = await post(village, '/credit/loans', {
    idNumber,
    bankId: banks[0].id,
    amount: '30000',
    termMonths: 36,
    ratePercent: '3.45',
    lprPercent: '3.85',
    purposeCode: '养殖',
  });
  loan = await post(village, `/credit/loans/${loan.id}/steps`, { action: 'endorse', version: loan.version });
  loan = await post(bank, `/credit/loans/${loan.id}/steps`, {
    action: 'rate',
    creditGrade: 'AA',
    version: loan.version,
  });
  loan = await post(bank, `/credit/loans/${loan.id}/steps`, {
    action: 'approve',
    contractNo,
    version: loan.version,
  });
  return post(bank, `/credit/loans/${loan.id}/steps`, { action: 'disburse', version: loan.version });
}

const nav = (page: Page) => page.getByRole('navigation', { name: '菜单' });

describe('microcredit', () => {
  test('a bank user imports repayments and arrears, and the township sees the overdue list', async () => {
    const stamp = Date.now().toString().slice(-3);
    const name = `贷款${stamp}`;
    // Born 1975-03-15 (a valid date whatever the stamp), sequence number from the stamp.
    const first17 = `41130219750315${stamp}`;
    const idNumber = `${first17}${checkCharacter(first17)}`;
    const contractNo = `E2E-${stamp}`;
    await disbursedLoan(name, idNumber, contractNo);

    await withPage(browser, 'credit-bank-import', async (page) => {
      await login(page, 'bank_demo');
      await page.waitForURL('**/credit');
      await page.getByRole('tab', { name: '银行文件' }).click();
      const today = clock().today();
      const csv = `宛城农商银行还款明细\n姓名,身份证号,合同编号,还款日期,还款本金,还款利息,逾期天数\n${name},${idNumber},${contractNo},${today},"1,000.00",86.25,40\n王某,110101199003070011,,${today},100,1,\n`;
      await page.getByTestId('bank-file-input').setInputFiles({
        name: '还款11月.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
      });
      await page.getByRole('button', { name: '导入' }).click();
      const result = page.getByTestId('bank-file-result');
      // One row is not this bank's loan: nothing is taken until the user skips it.
      await expect.poll(async () => (await result.textContent()) ?? '').toContain('未导入');
      // The bad row is 王某's, line 4 of the file (after the bank's title line, the header and the good row).
      const problem = result.getByRole('row').filter({ hasText: '没有该身份证号' });
      expect(await problem.count()).toBe(1);
      expect(((await problem.getByRole('cell').first().textContent()) ?? '').trim()).toBe('4');
      await page.getByRole('checkbox', { name: '跳过有问题的行' }).check();
      await page.getByRole('button', { name: '导入' }).click();
      await expect.poll(async () => (await result.textContent()) ?? '').toContain('新增还款 1 笔');
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'credit-bank-files');
      await logout(page);

      await login(page, 'town_guanzhuang');
      await nav(page).getByRole('menuitem', { name: '小额信贷' }).click();
      await page.waitForURL('**/credit');
      await page.getByRole('tab', { name: '逾期名单' }).click();
      const overdue = page.getByTestId('overdue-table');
      await expect.poll(async () => (await overdue.textContent()) ?? '').toContain(name);
      expect(await overdue.textContent()).toContain('40 天');
      await overdue.getByText(name).click();
      const detail = page.getByTestId('loan-detail');
      await expect.poll(async () => (await detail.textContent()) ?? '').toContain('29000.00');
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'credit-overdue');
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: '风险指标' }).click();
      await page.waitForLoadState('networkidle');
      await saveScreenshot(page, 'credit-indicators');
    });
  });
});
