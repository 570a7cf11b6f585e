import { mkdir } from 'node:fs/promises';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clock } from '../src/shared/clock.js';
import { baseUrl, chooseOption, DEMO_PASSWORD, launchBrowser, login, withPage } from './browser.js';

/** Work monitoring (issue #15): a helper records a job on a phone at a visit; the township's scale moves. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };
const eventually = <T>(read: () => T | Promise<T>, timeout = 60_000) =>
  expect.poll(read, { timeout, interval: 1_000 });
const shots = new URL('../test-results/', import.meta.url).pathname;

async function apiLogin(request: APIRequestContext, username: string) {
  const response = await request.post(`${baseUrl()}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
}

/** A household of the helper's plan of type 脱贫户 or 监测户 and a member of it with no work record. */
async function pickWorker(request: APIRequestContext) {
  const due = await (await request.get(`${baseUrl()}/api/visits/due?pageSize=100`)).json();
  for (const item of due.items as Array<{ householdId: number }>) {
    const detail = await (await request.get(`${baseUrl()}/api/households/${item.householdId}`)).json();
    if (!['exited_poverty', 'monitored'].includes(detail.household.householdType)) {
      continue;
    }
    for (const member of detail.members as Array<{ id: number; name: string; relation: string }>) {
      const records = await (
        await request.get(`${baseUrl()}/api/employment/records?personId=${member.id}`)
      ).json();
      if (records.total === 0) {
        return { householdId: item.householdId, member };
      }
    }
  }
  throw new Error('no household of the helper’s plan has a member without work');
}

const workersShown = async (page: Page) =>
  Number((await page.getByTestId('scale-workers').textContent())?.replace(/,/g, ''));

describe('work monitoring', () => {
  test('a helper adds a work record on a phone at a visit; the township sees its employment scale move', async () => {
    await withPage(browser, 'employment-township-before', async (township) => {
      await login(township, 'town_guanzhuang');
      await township.goto('/employment');
      await township.getByTestId('employment-scale').waitFor();
      await eventually(() =>
        township.getByTestId('scale-children').locator('tbody tr').count(),
      ).toBeGreaterThan(0);
      const before = await workersShown(township);

      await withPage(
        browser,
        'employment-helper-visit',
        async (page, context) => {
          await login(page, 'helper_demo');
          await apiLogin(context.request, 'helper_demo');
          const { householdId, member } = await pickWorker(context.request);
          await page.goto(`/visits/new?householdId=${householdId}`);
          await page.getByLabel('产业发展情况', { exact: true }).waitFor();
          await page.getByTestId('visit-add-work').click();
          const work = page.getByTestId('visit-work');
          await work.waitFor();
          await chooseOption(work, '家庭成员', `${member.name}（${member.relation}）`);
          await work.getByLabel('务工开始年月').click();
          const month = clock().today().slice(0, 7);
          await page.locator(`.ant-picker-dropdown:visible td[title="${month}"]`).click();
          await work.getByLabel('务工省').fill('河南省');
          await work.getByLabel('务工市').fill('南阳市');
          await work.getByLabel('务工县（区）').fill('宛城区');
          await work.getByLabel('月收入（元）').fill('2300');
          await work.getByLabel('务工企业名称').fill('官庄镇农业合作社');
          await mkdir(shots, { recursive: true });
          await page.screenshot({ path: `${shots}employment-visit-phone.png`, fullPage: true });
          await page.getByRole('button', { name: /保\s*存/ }).click();
          await page.getByText('走访记录已保存').waitFor();
          const records = await (
            await context.request.get(`${baseUrl()}/api/employment/records?personId=${member.id}`)
          ).json();
          expect(records.items).toHaveLength(1);
          expect(records.items[0]).toMatchObject({
            source: 'visit',
            place: 'county',
            monthlyIncome: '2300.00',
          });
        },
        PHONE,
      );

      await eventually(async () => {
        await township.reload();
        await township.getByTestId('employment-scale').waitFor();
        await eventually(
          () => township.getByTestId('scale-children').locator('tbody tr').count(),
          15_000,
        ).toBeGreaterThan(0);
        return workersShown(township);
      }).toBe(before + 1);
      await township.screenshot({ path: `${shots}employment-scale-township.png`, fullPage: true });
    });
  }, 300_000);
});
