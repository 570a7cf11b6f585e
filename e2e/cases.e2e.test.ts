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

/** The household whose lead the village cadre turns into a case (set by the first test). */
let openedHead = '';
/** The demo case that test two carries through approval. */
let approvalCaseUrl = '';

/** Polls until the page has caught up: a login, a lazy page and its request can take seconds on a busy machine. */

const tableRows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr.ant-table-row');

async function openMenu(page: Page, group: string, item: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '菜单' });
  // The accessible name starts with the icon's label.
  const link = nav.getByRole('menuitem', { name: new RegExp(`${item}$`) });
  if (!(await link.isVisible())) {
    await nav.getByRole('menuitem', { name: group }).click();
  }
  await link.click();
}

/** Opens the case's action dialog by its button, writes the note and submits it. */
async function act(page: Page, button: RegExp, note: string): Promise<void> {
  await page.getByTestId('case-actions').getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('办理意见', { exact: true }) });
  await dialog.getByLabel('办理意见', { exact: true }).fill(note);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

const stageOf = (page: Page) =>
  page.locator('.ant-steps-item-process .ant-steps-item-title').first().textContent();

/** A 1×1 PNG: the upload path compresses it to JPEG in the browser before sending. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('leads and cases', () => {
  test('village_guanzhuang closes one lead, opens a case from another; the township moves it to public notice', async () => {
    await withPage(browser, 'cases-lead-to-notice', async (page) => {
      await login(page, 'village_guanzhuang');
      await openMenu(page, '监测对象', '线索');
      await page.waitForURL('**/leads');
      await expect.poll(() => tableRows(page, 'leads-table').count()).toBeGreaterThan(1);

      // Verified with no risk: close the second open lead with a reason.
      await tableRows(page, 'leads-table').nth(1).getByRole('button', { name: '查看' }).click();
      await page.getByTestId('lead-detail').waitFor();
      await page.getByRole('button', { name: /核实无风险/ }).click();
      const closeDialog = page.getByRole('dialog', { name: '核实无风险，关闭线索' });
      await closeDialog
        .getByLabel('核实结论', { exact: true })
        .fill('入户核实：家庭务工收入稳定，无返贫风险');
      await closeDialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(() => page.getByText('线索已关闭').isVisible()).toBe(true);
      await page.locator('.ant-drawer-close').click();
      await expect.poll(() => page.getByTestId('lead-detail').count()).toBe(0);

      // The first open lead: every signal is shown; the cadre starts identification.
      await tableRows(page, 'leads-table').first().getByRole('button', { name: '查看' }).click();
      const detail = page.getByTestId('lead-detail');
      await detail.waitFor();
      expect(await page.getByTestId('lead-signals').locator('.ant-card').count()).toBeGreaterThan(0);
      openedHead = ((await detail.locator('a').first().textContent()) ?? '').trim();
      expect(openedHead.length).toBeGreaterThan(0);
      await page
        .getByRole('button', { name: /纳入识别/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: `纳入识别：${openedHead}` });
      // Only a township may use the green channel.
      expect(await dialog.getByText('绿色通道').count()).toBe(0);
      await chooseOption(dialog, '监测对象类别', '边缘易致贫户');
      await chooseOption(dialog, '风险类型', '因病');
      await dialog
        .getByLabel('入户核实情况', { exact: true })
        .fill('入户核实：户主住院，医疗支出大，家庭收入下降');
      await dialog.locator('[data-testid="photo-input"]').setInputFiles({
        name: 'form.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await expect.poll(() => dialog.getByTestId('photo-list').locator('img').count()).toBe(1);
      await dialog.getByRole('button', { name: /纳入识别/ }).click();

      await page.waitForURL(/\/cases\/\d+$/);
      await expect.poll(() => page.getByTestId('case-title').textContent()).toBe(openedHead);
      expect(await stageOf(page)).toBe('信息比对');
      // The village does not act at the cross-check.
      expect(await page.getByRole('button', { name: /提交至/ }).count()).toBe(0);
      const steps = (await page.getByTestId('case-steps').textContent()) ?? '';
      expect(steps).toContain('纳入识别');
      expect(steps).toContain('附件 1');
    });

    await withPage(browser, 'cases-township-advance', async (page) => {
      await login(page, 'town_guanzhuang');
      await openMenu(page, '监测对象', '识别与监测');
      await page.waitForURL('**/cases');
      await expect
        .poll(async () => (await page.getByTestId('case-summary').textContent()) ?? '')
        .toContain('合计');
      await tableRows(page, 'cases-table').filter({ hasText: openedHead }).getByRole('link').first().click();
      await page.waitForURL(/\/cases\/\d+$/);

      await act(page, /提交至“村级评议”/, '信息比对无异常');
      await expect.poll(() => stageOf(page)).toBe('村级评议');
      await act(page, /提交至“公示”/, '村民代表评议通过');
      await expect.poll(() => stageOf(page)).toBe('公示');
      expect(await page.getByTestId('case-facts').textContent()).toContain('公示期');

      // The notice lasts five days: submitting before it ends is shown disabled, with the day it opens (the
      // server's refusal of an early submit is tested in test/cases.test.ts).
      const blocked = page.getByTestId('case-actions').getByTestId('case-blocked-advance');
      await blocked.waitFor();
      expect(await blocked.isDisabled()).toBe(true);
      expect(await blocked.textContent()).toMatch(/提交至“乡镇审核”/);
      expect(await blocked.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await stageOf(page)).toBe('公示');
    });
  });

  test('a case whose notice has ended goes through township review and county approval into monitoring', async () => {
    await withPage(browser, 'cases-approval-village', async (page) => {
      await login(page, 'village_guanzhuang');
      await page.goto('/cases');
      const atNotice = tableRows(page, 'cases-table').filter({ hasText: '公示' });
      const row = (openedHead ? atNotice.filter({ hasNotText: openedHead }) : atNotice).first();
      await row.getByRole('link').first().click();
      await page.waitForURL(/\/cases\/\d+$/);
      approvalCaseUrl = new URL(page.url()).pathname;
      await act(page, /提交至“乡镇审核”/, '公示期满无异议');
      await expect.poll(() => stageOf(page)).toBe('乡镇审核');
    });

    await withPage(browser, 'cases-approval-township', async (page) => {
      await login(page, 'town_guanzhuang');
      await page.goto(approvalCaseUrl);
      await act(page, /提交至“县级审批”/, '乡镇审核同意');
      await expect.poll(() => stageOf(page)).toBe('县级审批');
    });

    await withPage(browser, 'cases-approval-county', async (page) => {
      await login(page, 'county_wancheng');
      await page.goto(approvalCaseUrl);
      await act(page, /提交至“结果公告”/, '县级审批同意纳入监测');
      await expect.poll(() => stageOf(page)).toBe('结果公告');
    });

    await withPage(browser, 'cases-approval-announce', async (page) => {
      await login(page, 'town_guanzhuang');
      await page.goto(approvalCaseUrl);
      await act(page, /提交至“监测帮扶中”/, '已在村内公告');
      await expect.poll(() => stageOf(page)).toBe('监测帮扶中');
      const steps = (await page.getByTestId('case-steps').textContent()) ?? '';
      expect(steps).toContain('县级审批同意纳入监测');
      expect(steps).toContain('宛城区乡村振兴局');

      // Measures: the labour rule is checked, and a measure is added with the form.
      await page.getByRole('tab', { name: /帮扶措施/ }).click();
      await page.getByRole('button', { name: /添加措施/ }).click();
      const dialog = page.getByRole('dialog', { name: '添加帮扶措施' });
      await chooseOption(dialog, '措施类别', '公益岗位');
      await dialog.getByLabel('措施内容', { exact: true }).fill('村级保洁公益岗');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect
        .poll(async () => (await page.getByTestId('measures-table').textContent()) ?? '')
        .toContain('村级保洁公益岗');
    });
  });

  test('the township assigns a helper to a newly monitored household', async () => {
    await withPage(browser, 'cases-assign-helper', async (page) => {
      await login(page, 'town_guanzhuang');
      await page.goto('/cases?group=monitoring');
      await expect.poll(() => tableRows(page, 'cases-table').count()).toBeGreaterThan(0);
      // The household monitored in the previous test has no helper yet.
      const row = tableRows(page, 'cases-table').filter({ hasText: '未落实' }).first();
      const head = ((await row.locator('td').nth(1).textContent()) ?? '').trim();
      await row.locator('.ant-checkbox-input').check();
      await page.getByRole('button', { name: /落实帮扶责任人（1）/ }).click();
      const dialog = page.getByRole('dialog', { name: '落实帮扶责任人' });
      await chooseOption(dialog, '帮扶责任人', '帮扶责任人');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const assigned = tableRows(page, 'cases-table').filter({ hasText: head });
      await expect.poll(async () => (await assigned.textContent()) ?? '').toContain('帮扶责任人');
      expect(await assigned.textContent()).not.toContain('未落实');
    });
  });

  test('helper_demo records a visit on a phone; a double tap stores it once', async () => {
    await withPage(
      browser,
      'cases-helper-visit',
      async (page) => {
        await login(page, 'helper_demo');
        // A helper lands on the visits of their own households.
        await page.waitForURL('**/visits');
        const due = page.getByTestId('visits-due');
        await expect.poll(() => due.getByRole('button', { name: /记录走访/ }).count()).toBeGreaterThan(0);
        await due
          .getByRole('button', { name: /记录走访/ })
          .first()
          .click();
        await page.waitForURL(/\/visits\/new\?householdId=\d+/);
        const householdId = new URL(page.url()).searchParams.get('householdId');

        const note = `养羊 20 只，长势良好（E2E ${Date.now().toString(36)}）`;
        await page.locator('label.ant-radio-button-wrapper').filter({ hasText: '是' }).click();
        await page.getByLabel('收入变化情况', { exact: true }).fill('务工收入增加');
        await page.getByLabel('产业发展情况', { exact: true }).fill(note);
        await page.getByLabel('商定的帮扶措施', { exact: true }).fill('申请小额信贷扩大养殖');
        await page
          .getByTestId('photo-input')
          .setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
        await expect.poll(() => page.getByTestId('photo-list').locator('img').count()).toBe(1);
        // Nothing is wider than the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

        await page.getByRole('button', { name: /保\s*存/ }).dblclick();
        await expect.poll(() => page.getByText('走访记录已保存').isVisible()).toBe(true);

        await page.goto(`/households/${householdId}?tab=visits`);
        const visits = page.getByTestId('household-visits');
        await expect.poll(async () => (await visits.textContent()) ?? '').toContain(note);
        expect(await visits.locator('.ant-card').filter({ hasText: note }).count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      },
      { width: 390, height: 844 },
    );
  });
});
