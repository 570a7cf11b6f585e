import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { baseUrl, DEMO_PASSWORD, launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;
const today = clock().today();
const year = today.slice(0, 4);
const stamp = Date.now().toString().slice(-4);
/** This run's own product and household, so the demo's products and a rerun never get in the way. */
const NAME = `香菇酱E2E${stamp}`;
const HEAD = `消费${stamp}`;
const PRODUCER = '官庄镇香菇种植专业合作社';
const WIDE = { width: 1440, height: 900 };
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

/** A 脱贫户 of 东岗村 (官庄镇, 宛城区) headed by HEAD, imported by the county through the API. */
async function importHousehold() {
  const signIn = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county_wancheng', password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const first17 = `41130219790512${stamp.slice(-3)}`;
  const csv = `行政区划代码,户类型,姓名,证件号码,与户主关系\n411302102201,脱贫户,${HEAD},${first17}${checkCharacter(first17)},户主\n`;
  const imported = await fetch(`${baseUrl()}/api/households/import?filename=e2e-consumer.csv`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body: csv,
  });
  expect((await imported.json()).status).toBe('imported');
}

const productsTable = (page: Page) => page.getByTestId('consumer-products');
const productRow = (page: Page) =>
  productsTable(page).locator('tbody tr.ant-table-row').filter({ hasText: NAME });
const visibleOption = (page: Page, text: string) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:visible')
    .filter({ hasText: text });

/** Picks the option containing `text` in the select labelled `label` (retried while the list animates). */
async function pickOption(scope: Locator, label: string, text: string) {
  const page = scope.page();
  const input = scope.getByLabel(label, { exact: true });
  const select = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  // Until the field shows the choice: a click lost to the closing list of another field is tried again.
  await expect
    .poll(
      async () => {
        if (((await select.textContent()) ?? '').includes(text)) {
          return true;
        }
        if (!(await visibleOption(page, text).first().isVisible())) {
          await input.click({ timeout: 2_000 }).catch(() => undefined);
          return false;
        }
        await visibleOption(page, text)
          .first()
          .click({ timeout: 2_000 })
          .catch(() => undefined);
        return false;
      },
      { interval: 500, timeout: 20_000 },
    )
    .toBe(true);
}

/** Types into a searching select and picks the option with `text` once the search answers. */
async function searchAndPick(scope: Locator, label: string, query: string, text: string) {
  const page = scope.page();
  const input = scope.getByLabel(label, { exact: true });
  const select = input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await expect
    .poll(
      async () => {
        if (((await select.textContent()) ?? '').includes(text)) {
          return true;
        }
        if (!(await visibleOption(page, text).first().isVisible())) {
          await input.fill(query);
          return false;
        }
        await visibleOption(page, text)
          .first()
          .click({ timeout: 2_000 })
          .catch(() => undefined);
        return false;
      },
      { interval: 1_000, timeout: 20_000 },
    )
    .toBe(true);
}

async function fillDate(scope: Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  // Closes the date panel, which would otherwise cover the dialog's buttons.
  await scope.locator('.ant-modal-title').click();
  await expect.poll(() => scope.page().locator('.ant-picker-dropdown:visible').count()).toBe(0);
}

/** Clicks OK until the dialog closes (a click landing while the list refetches under it can be lost). */
async function confirm(dialog: Locator) {
  await expect
    .poll(
      async () => {
        if (await dialog.isVisible()) {
          await dialog
            .locator('.ant-modal-footer .ant-btn-primary')
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        }
        return dialog.isVisible();
      },
      { interval: 2_000, timeout: 20_000 },
    )
    .toBe(false);
}

/** Ticks this run's product and takes `step` on it, filling the dialog with `fill`; waits for the new stage. */
async function takeStep(page: Page, step: string, stage: string, fill?: (dialog: Locator) => Promise<void>) {
  const box = productRow(page).locator('.ant-checkbox-input');
  await expect
    .poll(async () => {
      await box.check({ timeout: 3_000 }).catch(() => undefined);
      return box.isChecked();
    })
    .toBe(true);
  // antd spaces out a two-character label (认 定).
  const name = new RegExp(`^${[...step].join('\\s*')}$`);
  const button = page.getByTestId('product-actions').getByRole('button', { name });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  const dialog = page.getByRole('dialog', { name: new RegExp(step) });
  await fill?.(dialog);
  await confirm(dialog);
  await expect.poll(async () => (await productRow(page).textContent()) ?? '').toContain(stage);
}

/** Opens the page with the list searched for this run's product. */
async function openPage(page: Page) {
  await page.goto(`/consumer-assistance?q=${encodeURIComponent(NAME)}`);
  await expect.poll(() => productRow(page).count()).toBe(1);
}

const reportAmount = async (page: Page) => {
  const text = (await page.getByTestId('report-amount').textContent()) ?? '';
  const amount = /([\d,]+\.\d{2})/.exec(text)?.[1] ?? '0';
  return Math.round(Number(amount.replace(/,/g, '')) * 100);
};

describe('consumer assistance (消费帮扶)', () => {
  test('the township enters a product, the county certifies it after its notice, a sale is recorded and counted', async () => {
    await withPage(
      browser,
      'consumer-township-declares',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '消费帮扶' })
          .click();
        await page.waitForURL('**/consumer-assistance');
        await page.getByRole('button', { name: /申报产品/ }).click();
        const dialog = page.getByRole('dialog', { name: '申报消费帮扶产品' });
        await searchAndPick(dialog, '生产主体', '香菇种植', PRODUCER);
        await dialog.getByLabel('产品名称').fill(NAME);
        await pickOption(dialog, '品类', '食用菌');
        await dialog.getByLabel('年产值（销售额）').fill('260000');
        await pickOption(dialog, '带贫方式', '经营性收益带贫');
        await searchAndPick(dialog, '带动农户', HEAD, HEAD);
        await page.keyboard.press('Escape');
        await dialog.getByLabel('产品名称').click();
        await saveScreenshot(page, 'consumer-declare');
        await confirm(dialog);
        const drawer = page.getByRole('dialog', { name: /帮扶产品 ·/ });
        await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('已申报');
        // The household counts are read from the registry.
        expect(await drawer.textContent()).toContain('1 户（脱贫 1、监测 0）');
        await drawer.locator('.ant-drawer-close').click();
        await expect.poll(() => drawer.isVisible()).toBe(false);
        await openPage(page);
        await takeStep(page, '乡镇初审通过', '乡镇已初审');
      },
      WIDE,
    );

    await withPage(
      browser,
      'consumer-county-certifies',
      async (page) => {
        await login(page, 'county_wancheng');
        page.on('response', (r) => {
          if (r.url().includes('/api/consumer') && r.request().method() !== 'GET') {
            console.log('API', r.request().method(), r.url(), r.status());
          }
        });
        page.on('console', (m) => console.log('CONSOLE', m.text()));
        await openPage(page);
        await takeStep(page, '县级审核通过', '县级已审核');
        // Posted on the county's website eleven days ago for the shortest ten days: over by today.
        await takeStep(page, '发布公示', '公示中', async (d) => {
          await fillDate(d, '公示开始', addDays(today, -11));
          expect(await d.getByLabel('公示截止').inputValue()).toBe(addDays(today, -2));
        });
        await takeStep(page, '认定', '已认定', async (d) => {
          await d.getByLabel('证书编号').fill(`XF-E2E-${stamp}`);
        });
        expect(await productRow(page).textContent()).toContain('有效');

        const before = await reportAmount(page);
        await page
          .getByRole('button', { name: /登记销售/ })
          .first()
          .click();
        const sale = page.getByRole('dialog', { name: '登记消费帮扶销售' });
        await searchAndPick(sale, '产品', NAME, NAME);
        await pickOption(sale, '销售渠道', '机关食堂');
        await pickOption(sale, '采购方类型', '机关单位');
        await sale.getByLabel('采购方名称').fill('南阳市直机关食堂');
        await sale.getByLabel('金额（元）').fill('8888.50');
        await confirm(sale);
        await expect.poll(() => reportAmount(page)).toBe(before + 888850);

        await productRow(page).getByText(NAME).click();
        const drawer = page.getByRole('dialog', { name: /帮扶产品 ·/ });
        await expect
          .poll(async () => (await drawer.textContent()) ?? '')
          .toContain('本年销售（合计 8888.50 元）');
        const events = drawer.getByTestId('product-events');
        expect(await events.textContent()).toContain('发布公示');
        expect(await events.textContent()).toContain('认定');
        expect(await drawer.getByTestId('product-sales').textContent()).toContain('南阳市直机关食堂');
        await saveScreenshot(page, 'consumer-drawer');
        await drawer.locator('.ant-drawer-close').click();

        const download = page.waitForEvent('download');
        await page.getByTestId('consumer-ledger').click();
        expect((await download).suggestedFilename()).toBe(`${year}年消费帮扶产品台账.xlsx`);
        await page.goto('/consumer-assistance');
        await expect
          .poll(() => productsTable(page).locator('tbody tr.ant-table-row').count())
          .toBeGreaterThan(0);
        await expect
          .poll(async () => (await page.getByTestId('consumer-renewals').textContent()) ?? '')
          .toContain('已过期');
        await saveScreenshot(page, 'consumer-assistance');
      },
      WIDE,
    );
  });

  test('the county sets its renewal window; a second save carries the new version', async () => {
    await withPage(
      browser,
      'consumer-settings',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/consumer-assistance');
        const card = page.getByTestId('consumer-settings');
        await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/截止前 \d+ 天/);
        const before = ((await card.textContent()) ?? '').match(/截止前 (\d+) 天/)?.[1] ?? '90';
        const setWindow = async (days: string) => {
          await card.getByRole('button', { name: '设定认定标准' }).click();
          const dialog = page.getByRole('dialog', { name: '设定认定标准' });
          await dialog.getByLabel('到期提醒天数').fill(days);
          await confirm(dialog);
          await expect.poll(async () => (await card.textContent()) ?? '').toContain(`截止前 ${days} 天`);
        };
        await setWindow(before === '120' ? '121' : '120');
        expect(await card.textContent()).toContain('本县设定');
        await saveScreenshot(page, 'consumer-settings');
        // Back to the window the other steps expect.
        await setWindow(before);
      },
      WIDE,
    );
  });

  test('on a phone, the county reads products, renewals and the report without the page running off the screen', async () => {
    await withPage(
      browser,
      'consumer-phone',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/consumer-assistance');
        await expect
          .poll(() => productsTable(page).locator('tbody tr.ant-table-row').count())
          .toBeGreaterThan(0);
        await expect
          .poll(async () => (await page.getByTestId('consumer-brands').textContent()) ?? '')
          .toContain('宛城好物');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'consumer-phone');
      },
      PHONE,
    );
  });
});
