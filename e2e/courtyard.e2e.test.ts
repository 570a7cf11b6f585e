import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import {
  baseUrl,
  chooseRegion,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  saveScreenshot,
  withPage,
} from './browser.js';

let browser: Browser;
const today = clock().today();
const year = Number(today.slice(0, 4));
const stamp = Date.now().toString().slice(-4);
/** This run's own households (10 脱贫户) in a village of 官庄镇 the demo's courtyard records leave free. */
const HEAD = `庭院${stamp}`;
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
let village = { code: '', name: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  await setUp();
});
afterAll(async () => {
  await browser?.close();
});

function checkCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '0';
}

async function signIn(username: string) {
  const r = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function api<T>(
  cookie: string,
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const r = await fetch(`${baseUrl()}${url}`, {
    method: init.method ?? 'GET',
    headers: { cookie, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const json = (await r.json()) as T;
  if (!r.ok) {
    throw new Error(`${url}: ${r.status} ${JSON.stringify(json)}`);
  }
  return json;
}

/** Finds a free village of 官庄镇 and imports 10 脱贫户 there through the county. */
async function setUp() {
  const town = await signIn('town_guanzhuang');
  const used = await api<{ items: { regionCode: string }[] }>(
    town,
    `/api/courtyard/villages?year=${year}&pageSize=200`,
  );
  const children = await api<{ code: string; name: string; level: string }[]>(
    town,
    '/api/regions/411302102000/children',
  );
  const free = children.find(
    (c) => c.level === 'village' && !used.items.some((u) => u.regionCode === c.code),
  );
  if (!free) {
    throw new Error('no free village under 官庄镇');
  }
  village = { code: free.code, name: free.name };
  const county = await signIn('county_wancheng');
  const rows = Array.from({ length: 10 }, (_, i) => {
    const first17 = `${free.code.slice(0, 6)}19810612${stamp.slice(-2)}${i}`;
    return `${free.code},脱贫户,${HEAD}${i},${first17}${checkCharacter(first17)},户主`;
  });
  const imported = await fetch(`${baseUrl()}/api/households/import?filename=e2e-courtyard.csv`, {
    method: 'POST',
    headers: { cookie: county, 'content-type': 'application/octet-stream' },
    body: `行政区划代码,户类型,姓名,证件号码,与户主关系\n${rows.join('\n')}\n`,
  });
  expect((await imported.json()).status).toBe('imported');
}

async function confirm(dialog: Locator) {
  await expect
    .poll(
      async () => {
        if (await dialog.isVisible()) {
          await dialog
            .getByRole('button', { name: /确\s*定|保\s*存/ })
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        }
        return dialog.isVisible();
      },
      { interval: 2_000, timeout: 20_000 },
    )
    .toBe(false);
}

const progressRow = (page: Page) =>
  page.getByTestId('courtyard-progress').locator('tr').filter({ hasText: '宛城区' });

describe('courtyard economy demo (庭院经济示范)', () => {
  test('the township nominates a village and its households, the county selects, accepts and names; progress updates', async () => {
    await withPage(
      browser,
      'courtyard-township-nominates',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '庭院经济' })
          .click();
        await page.waitForURL('**/courtyard');
        await page.getByRole('button', { name: /推荐示范村、户/ }).click();
        const dialog = page.getByRole('dialog', { name: /推荐.*庭院经济示范村/ });
        await chooseRegion(dialog, '村', ['南阳市', '宛城区', '官庄镇', village.name]);
        const select = dialog.getByLabel('示范户', { exact: true });
        await select.click();
        for (let i = 0; i < 10; i++) {
          const option = page
            .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
            .filter({ hasText: `${HEAD}${i} ` });
          await select.fill(`${HEAD}${i}`);
          await option.first().click();
        }
        // Close the option list (it covers the buttons) by clicking the dialog's title.
        await dialog
          .getByText(/推荐.*庭院经济示范村/)
          .first()
          .click();
        await confirm(dialog);
        const records = page.getByTestId('courtyard-records');
        await expect.poll(async () => (await records.textContent()) ?? '').toContain(village.name);
        await saveScreenshot(page, 'courtyard-township');
      },
      WIDE,
    );

    // The county's select, the township's 验收 and the county's naming go through the API the page uses; the
    // notice is dated back so its ten days are over (as the demo's notices).
    const county = await signIn('county_wancheng');
    const town = await signIn('town_guanzhuang');
    type Row = { id: number; version: number; regionCode: string; villageId?: number };
    const villages = await api<{ items: Row[] }>(county, `/api/courtyard/villages?year=${year}&pageSize=200`);
    const v = villages.items.find((r) => r.regionCode === village.code) as Row;
    await api(county, '/api/courtyard/act', {
      method: 'POST',
      body: {
        action: 'select',
        kind: 'village',
        items: [{ id: v.id, version: v.version }],
        notice: { channel: '县政府网站', startsOn: addDays(today, -12), endsOn: addDays(today, -2) },
      },
    });
    // The county opens the village's record: its steps so far, and the list notice where it records the
    // objections raised (settled, so the 验收 below may go on).
    await withPage(
      browser,
      'courtyard-county-objections',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/courtyard');
        const records = page.getByTestId('courtyard-records');
        await records
          .locator('tbody tr.ant-table-row')
          .filter({ hasText: village.name })
          .getByText(village.name)
          .click();
        const drawer = page.getByTestId('courtyard-drawer');
        const events = drawer.getByTestId('courtyard-events');
        await expect.poll(async () => (await events.textContent()) ?? '').toContain('乡镇推荐');
        await expect
          .poll(async () => (await events.textContent()) ?? '')
          .toContain('县级遴选并公示 · 乡镇已推荐 → 创建中');
        await drawer.getByRole('button', { name: '登记异议情况' }).click();
        const dialog = page.getByRole('dialog', { name: '登记异议情况' });
        await dialog.getByLabel('异议数').fill('1');
        await dialog.getByLabel('异议及处理情况').fill('村民反映户数不实，经核实已说明');
        await dialog.getByLabel('异议已处理完毕').check();
        await confirm(dialog);
        await expect
          .poll(async () => (await drawer.getByTestId('courtyard-objections').textContent()) ?? '')
          .toBe('1');
        await expect.poll(async () => (await drawer.textContent()) ?? '').toContain('已处理');
        await saveScreenshot(page, 'courtyard-record-drawer');
      },
      WIDE,
    );

    const households = await api<{ items: Row[] }>(
      town,
      `/api/courtyard/households?year=${year}&villageId=${v.id}&pageSize=50`,
    );
    await api(town, '/api/courtyard/act', {
      method: 'POST',
      body: {
        action: 'accept',
        kind: 'household',
        items: households.items.map((h) => ({ id: h.id, version: h.version })),
        result: {
          activities: ['planting'],
          scale: '0.5',
          scaleUnit: 'mu',
          netIncome: '3600.00',
          cleanYard: true,
        },
      },
    });
    const accepted = await api<{ items: Row[] }>(
      county,
      `/api/courtyard/households?year=${year}&villageId=${v.id}&pageSize=50`,
    );
    await api(county, '/api/courtyard/act', {
      method: 'POST',
      body: {
        action: 'name',
        kind: 'household',
        items: accepted.items.map((h) => ({ id: h.id, version: h.version })),
      },
    });
    const building = await api<{ items: Row[] }>(county, `/api/courtyard/villages?year=${year}&pageSize=200`);
    const vb = building.items.find((r) => r.regionCode === village.code) as Row;
    await api(county, '/api/courtyard/act', {
      method: 'POST',
      body: { action: 'accept', kind: 'village', items: [{ id: vb.id, version: vb.version }] },
    });

    await withPage(
      browser,
      'courtyard-county-names',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/courtyard');
        const before = Number(
          ((await progressRow(page).locator('td').nth(1).textContent()) ?? '0/5').split('/')[0],
        );
        const records = page.getByTestId('courtyard-records');
        const row = records.locator('tbody tr.ant-table-row').filter({ hasText: village.name });
        await expect.poll(async () => (await row.textContent()) ?? '').toContain('已验收');
        await row.locator('.ant-checkbox-input').check();
        await records.getByRole('button', { name: /^命\s*名$/ }).click();
        await confirm(page.getByRole('dialog', { name: /^命名/ }));
        await expect.poll(async () => (await row.textContent()) ?? '').toContain('已命名');
        await expect
          .poll(async () =>
            Number(((await progressRow(page).locator('td').nth(1).textContent()) ?? '0/5').split('/')[0]),
          )
          .toBe(before + 1);
        await saveScreenshot(page, 'courtyard-county');
      },
      WIDE,
    );
  });

  test('is usable on a phone', async () => {
    await withPage(
      browser,
      'courtyard-phone',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/courtyard');
        await expect
          .poll(async () => (await page.getByTestId('courtyard-progress').textContent()) ?? '')
          .toContain('宛城区');
        await page.getByTestId('courtyard-records').scrollIntoViewIfNeeded();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(PHONE.width + 1);
        await saveScreenshot(page, 'courtyard-phone');
      },
      PHONE,
    );
  });
});
