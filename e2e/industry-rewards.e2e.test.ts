import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { baseUrl, DEMO_PASSWORD, launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;
const today = clock().today();
const year = today.slice(0, 4);
const stamp = Date.now().toString().slice(-4);
/** This run's own scheme and household, so the demo's industry rewards and a rerun never get in the way. */
const ITEM = `羊肚菌种植E2E${stamp}`;
const HEAD = `奖补${stamp}`;
/** A second household of the run, whose claim a cadre records at a visit. */
const VISITED = `走访${stamp}`;
const WIDE = { width: 1440, height: 900 };
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  browser = await launchBrowser();
  await importHousehold();
});
afterAll(async () => {
  await browser?.close();
});

function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '0';
}

/** Two 脱贫户 of 东岗村 (官庄镇, 宛城区) headed by HEAD and VISITED, imported by the county through the API. */
async function importHousehold() {
  const signIn = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county_wancheng', password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
  const csv =
    '行政区划代码,户类型,姓名,证件号码,与户主关系\n' +
    `411302102201,脱贫户,${HEAD},${id(`41130219800612${stamp.slice(-3)}`)},户主\n` +
    `411302102201,脱贫户,${VISITED},${id(`41130219810715${stamp.slice(-3)}`)},户主\n`;
  const imported = await fetch(`${baseUrl()}/api/households/import?filename=e2e-industry.csv`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body: csv,
  });
  expect((await imported.json()).status).toBe('imported');
}

const claimsTable = (page: Page) => page.getByTestId('industry-claims');
const claimRow = (page: Page, head = HEAD) =>
  claimsTable(page).locator('tbody tr.ant-table-row').filter({ hasText: head });

/** Picks the option containing `text` in the select labelled `label` (retried while the list animates). */
async function pickOption(scope: Locator, label: string, text: string) {
  const page = scope.page();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible')
    .filter({ hasText: text });
  await expect
    .poll(async () => {
      if (!(await option.first().isVisible())) {
        await scope.getByLabel(label, { exact: true }).click();
        return false;
      }
      // A click that lands while the list still moves is lost: try again on the next round.
      return option
        .first()
        .click({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
    })
    .toBe(true);
}

/** Fills an antd date field labelled `label` with an ISO date. */
async function fillDate(scope: Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Ticks this run's claim and takes `step` on it, filling the dialog with `fill`; waits for the new stage. */
async function takeStep(
  page: Page,
  step: string,
  stage: string,
  fill?: (dialog: Locator) => Promise<void>,
  head = HEAD,
) {
  const box = claimRow(page, head).locator('.ant-checkbox-input');
  await expect
    .poll(async () => {
      await box.check({ timeout: 3_000 }).catch(() => undefined);
      return box.isChecked();
    })
    .toBe(true);
  const button = page.getByTestId('claim-actions').getByRole('button', { name: step });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  const dialog = page.getByRole('dialog', { name: new RegExp(step) });
  await fill?.(dialog);
  // A click landing while the list refetches under the dialog can be lost: click again until the dialog closes,
  // slowly enough that a click which did land has closed it first.
  await expect
    .poll(
      async () => {
        if (await dialog.isVisible()) {
          await dialog
            .getByRole('button', { name: /确\s*定/ })
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        }
        return dialog.isVisible();
      },
      { interval: 2_000, timeout: 20_000 },
    )
    .toBe(false);
  await expect.poll(async () => (await claimRow(page, head).textContent()) ?? '').toContain(stage);
}

/** Opens the page on this run's scheme (the demo's claims would push this run's off the first page). */
async function openPage(page: Page) {
  await page.goto('/industry-rewards');
  await expect
    .poll(async () => (await page.getByTestId('industry-schemes').textContent()) ?? '')
    .toContain(ITEM);
  await pickOption(page.getByRole('search'), '奖补项目', ITEM);
  await page.waitForURL(/schemeId=/);
  // Until the filtered list is in, the table still shows the previous one.
  const rows = claimsTable(page).locator('tbody tr.ant-table-row');
  await expect.poll(async () => (await rows.allTextContents()).every((row) => row.includes(ITEM))).toBe(true);
  await claimsTable(page).locator('.ant-spin-blur').waitFor({ state: 'detached' });
}

describe('industry rewards (产业奖补)', () => {
  test('the county sets up a scheme, a village declares, checks and posts a claim, the township reviews, the county accepts and pays', async () => {
    await withPage(
      browser,
      'industry-county-scheme',
      async (page) => {
        await login(page, 'county_wancheng');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '产业奖补' })
          .click();
        await page.waitForURL('**/industry-rewards');
        await page.getByRole('button', { name: /设立奖补项目/ }).click();
        const dialog = page.getByRole('dialog', { name: /设立.*奖补项目/ });
        // 汝州's defaults: 20 %, 500 元 a 亩, 5,000 元 a household, for 脱贫户 and 监测户.
        expect(await dialog.getByLabel('奖补比例').inputValue()).toBe('20');
        expect(await dialog.getByRole('checkbox', { name: '脱贫户' }).isChecked()).toBe(true);
        expect(await dialog.getByRole('checkbox', { name: '一般农户' }).isChecked()).toBe(false);
        await dialog.getByLabel('奖补产业').fill(ITEM);
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);
        const schemes = page.getByTestId('industry-schemes');
        await expect.poll(async () => (await schemes.textContent()) ?? '').toContain(ITEM);
        expect(await schemes.locator('tr').filter({ hasText: ITEM }).textContent()).toContain('受理申报');
      },
      WIDE,
    );

    await withPage(
      browser,
      'industry-village-declares',
      async (page) => {
        await login(page, 'village_guanzhuang');
        await openPage(page);
        await page
          .getByRole('button', { name: /申\s*报/ })
          .first()
          .click();
        const dialog = page.getByRole('dialog', { name: '申报产业奖补' });
        await pickOption(dialog, '奖补项目', ITEM);
        await dialog.getByLabel('农户', { exact: true }).fill(HEAD);
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible')
          .filter({ hasText: HEAD })
          .click();
        await dialog.getByLabel('规模（亩）').fill('3');
        await dialog.getByLabel('收入（元）').fill('20000');
        await dialog.getByLabel('成本（元）').fill('8000');
        // 20 % of 12,000 is 2,400; 3 亩 × 500 caps it at 1,500.
        const preview = dialog.getByTestId('reward-preview');
        await expect.poll(async () => (await preview.textContent()) ?? '').toContain('1500.00');
        expect(await preview.textContent()).toContain('12000.00');
        expect(await preview.textContent()).toContain('单位封顶');
        await saveScreenshot(page, 'industry-rewards-declare');
        await dialog.getByRole('button', { name: /申\s*报/ }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);

        const drawer = page.getByRole('dialog', { name: /奖补申报/ });
        await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('已申报');
        expect(await drawer.textContent()).toContain('1500.00');
        // The household grows 5 亩, not 3: the cap is 2,500 now and the rate's 2,400 stands.
        await drawer.getByRole('button', { name: '修改申报' }).click();
        const edit = page.getByRole('dialog', { name: /修改申报/ });
        await edit.getByLabel('规模（亩）').fill('5');
        // The village adds a photo of the receipts; photos stay optional.
        await edit
          .getByTestId('photo-input')
          .setInputFiles({ name: '票据.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(() => edit.getByTestId('photo-list').locator('img').count()).toBe(1);
        const editPreview = edit.getByTestId('reward-preview');
        await expect.poll(async () => (await editPreview.textContent()) ?? '').toContain('2400.00');
        expect(await editPreview.textContent()).not.toContain('单位封顶');
        await edit.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(() => edit.isVisible()).toBe(false);
        await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('5.00 亩');
        expect(await drawer.getByTestId('claim-photos').locator('a').count()).toBe(1);
        expect(await drawer.textContent()).toContain('2400.00');
        await drawer.locator('.ant-drawer-close').click();
        await expect.poll(() => drawer.isVisible()).toBe(false);

        await takeStep(page, '村级核查通过', '村级已核查', async (d) => {
          await d.getByLabel('核查意见').fill('入户核实种植 3 亩，收入凭证齐全');
        });
        // The notice went up on the village board ten days ago, so it is over by today.
        await takeStep(page, '发布公示', '村内公示中', async (d) => {
          await fillDate(d, '公示开始', addDays(today, -10));
          expect(await d.getByLabel('公示结束').inputValue()).toBe(addDays(today, -1));
        });
        expect(await claimRow(page).textContent()).toContain(addDays(today, -1));
        await saveScreenshot(page, 'industry-rewards-village');
      },
      WIDE,
    );

    await withPage(
      browser,
      'industry-township-reviews',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await openPage(page);
        await takeStep(page, '乡镇审核通过', '乡镇已审核');
      },
      WIDE,
    );

    await withPage(
      browser,
      'industry-county-accepts-and-pays',
      async (page) => {
        await login(page, 'county_wancheng');
        await openPage(page);
        // One claim in five is checked on site; the note is written whether or not this one is.
        await takeStep(page, '县级验收通过', '县级已验收', async (d) => {
          await d.getByLabel('现场验收情况').fill('现场查看大棚 3 亩，长势良好');
        });
        await takeStep(page, '登记兑付', '已兑付', async (d) => {
          expect(await d.getByLabel('兑付日期').inputValue()).toBe(today);
        });
        const schemes = page.getByTestId('industry-schemes');
        await expect
          .poll(async () => (await schemes.locator('tr').filter({ hasText: ITEM }).textContent()) ?? '')
          .toContain('2400.00');

        await claimRow(page).getByText(HEAD).click();
        const drawer = page.getByRole('dialog', { name: /奖补申报/ });
        const events = drawer.getByTestId('claim-events');
        await expect.poll(async () => (await events.textContent()) ?? '').toContain('登记兑付');
        expect(await events.textContent()).toContain('发布公示');
        expect(await drawer.textContent()).toContain('现场查看大棚 3 亩');
        await saveScreenshot(page, 'industry-rewards-drawer');
        await drawer.locator('.ant-drawer-close').click();

        const download = page.waitForEvent('download');
        await page.getByTestId('industry-ledger').click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`${year}年产业奖补台账.xlsx`);
        await saveScreenshot(page, 'industry-rewards');
      },
      WIDE,
    );
  });

  // Builds on the first test's scheme (ITEM), as the village's cadres would: the scheme is set up once a year.
  test('a cadre records a claim at a visit on a phone, the township reviews it, the county sees it in the ledger', async () => {
    await withPage(
      browser,
      'industry-visit-claim',
      async (page) => {
        await login(page, 'village_guanzhuang');
        await page.goto('/visits/new');
        const household = page.getByLabel('走访农户', { exact: true });
        await household.fill(VISITED);
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible')
          .filter({ hasText: VISITED })
          .click();
        await page.getByLabel('产业发展情况', { exact: true }).fill('羊肚菌大棚 2 亩，已采收');
        await page.getByTestId('visit-add-claim').click();
        const claim = page.getByTestId('visit-claim');
        await pickOption(claim, '奖补项目', ITEM);
        await claim.getByLabel('规模（亩）').fill('2');
        await claim.getByLabel('收入（元）').fill('10000');
        await claim.getByLabel('成本（元）').fill('4000');
        // 20 % of 6,000 is 1,200; 2 亩 × 500 caps it at 1,000.
        const preview = claim.getByTestId('reward-preview');
        await expect.poll(async () => (await preview.textContent()) ?? '').toContain('1000.00');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'industry-rewards-visit-phone');
        // A double tap stores the visit and its claim once.
        await page.getByRole('button', { name: /保\s*存/ }).dblclick();
        await expect.poll(() => page.getByText('走访记录已保存').isVisible()).toBe(true);
      },
      PHONE,
    );

    await withPage(
      browser,
      'industry-visit-claim-village',
      async (page) => {
        await login(page, 'village_guanzhuang');
        await openPage(page);
        await expect.poll(() => claimRow(page, VISITED).count()).toBe(1);
        expect(await claimRow(page, VISITED).textContent()).toContain('1000.00');
        await claimRow(page, VISITED).getByText(VISITED).click();
        const drawer = page.getByRole('dialog', { name: /奖补申报/ });
        await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('走访时登记');
        await drawer.locator('.ant-drawer-close').click();
        await expect.poll(() => drawer.isVisible()).toBe(false);
        await takeStep(
          page,
          '村级核查通过',
          '村级已核查',
          async (d) => {
            await d.getByLabel('核查意见').fill('走访时已查看大棚');
          },
          VISITED,
        );
        await takeStep(
          page,
          '发布公示',
          '村内公示中',
          async (d) => {
            await fillDate(d, '公示开始', addDays(today, -10));
          },
          VISITED,
        );
      },
      WIDE,
    );

    await withPage(
      browser,
      'industry-visit-claim-township',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await openPage(page);
        await takeStep(page, '乡镇审核通过', '乡镇已审核', undefined, VISITED);
      },
      WIDE,
    );

    await withPage(
      browser,
      'industry-visit-claim-county',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/industry-rewards');
        const download = page.waitForEvent('download');
        await page.getByTestId('industry-ledger').click();
        const file = await download;
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(await file.path());
        const sheet = book.worksheets[0];
        if (!sheet) {
          throw new Error('the ledger has no sheet');
        }
        const header = (sheet.getRow(1).values as unknown[]).map(String);
        const rows: string[][] = [];
        sheet.eachRow((row, n) => {
          if (n > 1) {
            rows.push((row.values as unknown[]).map((v) => String(v ?? '')));
          }
        });
        const visited = rows.find((r) => r[header.indexOf('户主姓名')] === VISITED);
        expect(visited?.[header.indexOf('奖补金额（元）')]).toBe('1000.00');
        expect(visited?.[header.indexOf('阶段')]).toBe('乡镇已审核');
        expect(visited?.[header.indexOf('申报方式')]).toBe('走访时登记');
      },
      WIDE,
    );
  });

  test('on a phone, the village reads its claims without the page running off the screen', async () => {
    await withPage(
      browser,
      'industry-phone',
      async (page) => {
        await login(page, 'village_guanzhuang');
        // The demo's schemes and claims: this test stands alone.
        await page.goto('/industry-rewards');
        await expect
          .poll(async () => (await page.getByTestId('industry-schemes').textContent()) ?? '')
          .toContain('香菇种植');
        await expect
          .poll(() => claimsTable(page).locator('tbody tr.ant-table-row').count())
          .toBeGreaterThan(0);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'industry-rewards-phone');
      },
      PHONE,
    );
  });
});
