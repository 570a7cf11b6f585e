import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../src/shared/calendar.js';
import { clock } from '../src/shared/clock.js';
import { fromCents, toCents } from '../src/shared/money.js';
import {
  baseUrl,
  chooseOption,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  newContext,
  saveScreenshot,
  withPage,
} from './browser.js';

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

async function openProject(page: Page, name = NAME) {
  await page.goto('/projects');
  await page.getByRole('button', { name }).first().click();
  await drawer(page).waitFor();
}

const WIDE = { width: 1440, height: 900 };
const year = Number(today.slice(0, 4));

/** A user's API session beside the browser's (to set up records and to act as someone else meanwhile). */
async function apiAs(username: string): Promise<{ context: BrowserContext; request: APIRequestContext }> {
  const context = await newContext(browser, { baseURL: baseUrl() });
  const signIn = await context.request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(signIn.status()).toBe(200);
  return { context, request: context.request };
}

async function ok<T>(response: Promise<APIResponse>): Promise<T> {
  const r = await response;
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()) as T;
}

type ApiProject = {
  id: number;
  version: number;
  stage: string;
  paidTotal: string;
  estimatedInvestment: string;
  fundLines: Array<{ docNumber: string; amount: string; paid: string }>;
};

/** A village declaration of `name` (the API body). */
const declaration = (name: string, overrides: Record<string, unknown> = {}) => ({
  year,
  name,
  categoryL1: '产业发展',
  categoryL2: '生产',
  nature: '新建',
  tasks: [{ item: '建设村级光伏电站', quantity: '200', unit: '千瓦' }],
  estimatedInvestment: '500000.00',
  funding: [{ source: 'central', amount: '500000.00' }],
  implementingUnit: '官庄镇人民政府',
  ...overrides,
});

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

  test('a township sends a draft back, the village edits it (a conflict shown in Chinese) and submits it again', async () => {
    const name = '东岗村光伏电站（退回修改）';
    const village = await apiAs('village_guanzhuang');
    const town = await apiAs('town_guanzhuang');
    try {
      let p = await ok<ApiProject>(village.request.post('/api/projects', { data: declaration(name) }));
      const act = async (who: APIRequestContext, body: Record<string, unknown>) => {
        p = await ok<ApiProject>(
          who.post(`/api/projects/${p.id}/actions`, { data: { version: p.version, ...body } }),
        );
      };
      await act(village.request, {
        action: 'start_notice',
        notice: { channel: '村务公开栏', startsOn: addDays(today, -12), endsOn: addDays(today, -1) },
      });
      await act(village.request, { action: 'submit' });
      await act(town.request, { action: 'send_back', comment: '投资概算偏高，请核减至40万元' });
      expect(p.stage).toBe('draft');

      // The township sees why it went back, but only the declaring village may change it.
      await withPage(
        browser,
        'projects-sent-back-township',
        async (page) => {
          await login(page, 'town_guanzhuang');
          await openProject(page, name);
          await expect.poll(() => drawer(page).getByTestId('project-sent-back').isVisible()).toBe(true);
          expect(
            await drawer(page)
              .getByRole('button', { name: /编\s*辑/ })
              .count(),
          ).toBe(0);
        },
        WIDE,
      );

      await withPage(
        browser,
        'projects-village-edits',
        async (page) => {
          await login(page, 'village_guanzhuang');
          await openProject(page, name);
          const back = drawer(page).getByTestId('project-sent-back');
          await expect.poll(() => back.textContent()).toContain('投资概算偏高，请核减至40万元');
          await saveScreenshot(page, 'project-sent-back');
          await drawer(page)
            .getByRole('button', { name: /编\s*辑/ })
            .click();
          const form = page.getByRole('dialog', { name: `修改项目：${name}` });
          await expect.poll(() => form.getByLabel('项目名称').inputValue()).toBe(name);
          expect(await form.getByLabel('投资概算（元）').inputValue()).toBe('500000.00');
          expect(await form.getByLabel('建设任务').inputValue()).toBe('建设村级光伏电站');
          await form.getByLabel('投资概算（元）').fill('400000.00');
          await form.getByLabel('资金金额1').fill('400000.00');

          // Meanwhile someone at the village saves the draft first (another window).
          await ok(
            village.request.put(`/api/projects/${p.id}`, {
              data: {
                ...declaration(name, { implementingUnit: '东岗村股份经济合作社' }),
                version: p.version,
              },
            }),
          );
          await form.getByRole('button', { name: /保\s*存/ }).click();
          const problem = form.getByRole('alert');
          await expect.poll(() => problem.textContent()).toContain('项目已被他人修改，请刷新后重试');
          expect(await problem.textContent()).toContain('已载入项目的最新内容');
          // The latest project is in the form: the other save's unit, the old estimate.
          await expect.poll(() => form.getByLabel('实施单位').inputValue()).toBe('东岗村股份经济合作社');
          expect(await form.getByLabel('投资概算（元）').inputValue()).toBe('500000.00');
          await problem.scrollIntoViewIfNeeded();
          await saveScreenshot(page, 'project-edit-conflict');

          await form.getByLabel('投资概算（元）').fill('400000.00');
          await form.getByLabel('资金金额1').fill('400000.00');
          await form.getByRole('button', { name: /保\s*存/ }).click();
          await expect.poll(() => form.isVisible()).toBe(false);
          await expect.poll(() => drawer(page).getByText('400000.00 元').first().isVisible()).toBe(true);
          await expect.poll(() => stage(page)).toBe('草拟');
          await saveScreenshot(page, 'project-edited');

          // Resubmitted: a new notice (run already), then up to the township.
          await drawer(page).getByRole('button', { name: '发起公示' }).click();
          const notice = page.getByRole('dialog', { name: '发起公示' });
          const start = notice.getByPlaceholder('开始日期');
          await start.click();
          await start.fill(addDays(today, -11));
          await start.press('Enter');
          const end = notice.getByPlaceholder('结束日期');
          await end.fill(addDays(today, -1));
          await end.press('Enter');
          await notice.getByRole('button', { name: /确\s*定/ }).click();
          await expect.poll(() => stage(page)).toBe('公示中');
          expect(
            await drawer(page)
              .getByRole('button', { name: /编\s*辑/ })
              .count(),
          ).toBe(0);
          await step(page, '公示期满报送');
          await expect.poll(() => stage(page)).toBe('乡镇审核');
        },
        WIDE,
      );
    } finally {
      await village.context.close();
      await town.context.close();
    }
  });

  test('a county checks a payment file (预检), is refused with every bad row, then imports skipping them', async () => {
    const county = await apiAs('county_wancheng');
    try {
      // A library project of the county with a fund line that still has money to pay.
      const list = await ok<{ items: Array<{ id: number; stage: string }> }>(
        county.request.get(`/api/projects?year=${year}&pageSize=100`),
      );
      let target: { project: ApiProject; doc: string } | null = null;
      for (const item of list.items) {
        const project = await ok<ApiProject>(county.request.get(`/api/projects/${item.id}`));
        const line = project.fundLines.find((l) => toCents(l.amount) - toCents(l.paid) >= 100n);
        if (line) {
          target = { project, doc: line.docNumber };
          break;
        }
      }
      expect(target, 'a 宛城区 project with money left to pay').not.toBeNull();
      const { project, doc } = target as { project: ApiProject; doc: string };
      const csv = [
        '项目编号,下达文号,支付日期,支付金额,凭证号',
        `${project.id},${doc},${addDays(today, -1)},1.00,PZ-E2E-IMPORT`,
        `${project.id},不存在的文号,${addDays(today, -1)},2.00,`,
        `${project.id},${doc},昨天,3.00,`,
      ].join('\r\n');
      const file = {
        name: '支付清单.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'),
      };
      const paid = async () =>
        (await ok<ApiProject>(county.request.get(`/api/projects/${project.id}`))).paidTotal;

      await withPage(
        browser,
        'funds-payment-import',
        async (page) => {
          await login(page, 'county_wancheng');
          await page.goto('/funds');
          await page.getByRole('tab', { name: '支付导入' }).click();
          const pane = page.getByTestId('payment-import');
          await expect.poll(() => pane.getByText('还没有选择文件').isVisible()).toBe(true);
          const [template] = await Promise.all([
            page.waitForEvent('download'),
            pane.getByTestId('payment-template').click(),
          ]);
          expect(template.suggestedFilename()).toBe('衔接资金支付导入模板.csv');

          await pane.locator('input[type=file]').setInputFiles(file);
          const result = pane.getByTestId('payment-import-result');
          await pane.getByRole('button', { name: '预检（不导入）' }).click();
          await expect
            .poll(() => result.textContent())
            .toContain('预检：有 2 行有误，按当前选择整个文件不会导入');
          const problems = pane.getByTestId('payment-import-problems');
          await expect.poll(() => problems.textContent()).toContain('该项目未从此文号下达资金');
          expect(await problems.textContent()).toContain('支付日期格式应为 2026-05-31');
          await saveScreenshot(page, 'funds-payment-import-check');

          await pane.getByRole('button', { name: '上传并导入' }).click();
          await expect.poll(() => result.textContent()).toContain('有 2 行有误，整个文件未导入');
          expect(await paid()).toBe(project.paidTotal);

          await pane.getByRole('checkbox', { name: '跳过有误的行，导入其余各行' }).check();
          await pane.getByRole('button', { name: '预检（不导入）' }).click();
          await expect
            .poll(() => result.textContent())
            .toContain('预检：可导入 1 笔，合计 1.00 元，2 行有误');
          await expect.poll(() => pane.getByTestId('payment-import-preview').textContent()).toContain(doc);
          expect(await paid()).toBe(project.paidTotal);

          await pane.getByRole('button', { name: '上传并导入' }).click();
          await expect
            .poll(() => result.textContent())
            .toContain('已导入 1 笔支付，合计 1.00 元；2 行有误未导入');
          await saveScreenshot(page, 'funds-payment-import-done');
          expect(await paid()).toBe(fromCents(toCents(project.paidTotal) + 100n));
        },
        WIDE,
      );
    } finally {
      await county.context.close();
    }
  });

  test('the workbench and the big screen show the year’s funds to who may read them', async () => {
    const county = await apiAs('county_wancheng');
    const overview = await ok<{ received: string; paid: string; spendRate: string | null }>(
      county.request.get('/api/funds/overview'),
    );
    await county.context.close();
    // Statistic groups thousands ("400,001.11"): the figures read back without the separators.
    const plain = async (page: Page, id: string) =>
      ((await page.getByTestId(id).locator('.ant-statistic-content').textContent()) ?? '').replace(/,/g, '');

    await withPage(
      browser,
      'workbench-funds-card',
      async (page) => {
        await login(page, 'county_wancheng');
        await page.goto('/');
        await page.getByTestId('funds-card').waitFor();
        await expect.poll(() => plain(page, 'funds-received')).toBe(overview.received);
        expect(await plain(page, 'funds-paid')).toBe(overview.paid);
        expect(await plain(page, 'funds-spendRate')).toBe(`${overview.spendRate}%`);
        await saveScreenshot(page, 'workbench-funds-card');
      },
      WIDE,
    );

    await withPage(
      browser,
      'workbench-no-funds-card',
      async (page) => {
        await login(page, 'village_guanzhuang');
        await page.goto('/');
        await page.getByTestId('welcome-card').waitFor();
        expect(await page.getByTestId('funds-card').count()).toBe(0);
      },
      WIDE,
    );

    await withPage(
      browser,
      'screen-funds',
      async (page) => {
        await login(page, 'city_admin');
        await page.goto('/screen');
        const panel = page.getByTestId('screen-funds');
        await expect.poll(() => panel.textContent()).toContain('支出进度');
        expect(await panel.textContent()).toContain(`${year}年衔接资金`);
        await saveScreenshot(page, 'screen-funds');
      },
      WIDE,
    );
  });
});
