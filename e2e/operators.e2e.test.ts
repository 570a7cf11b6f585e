import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { usccCheckCharacter } from '../src/shared/operators.js';
import { chooseOption, chooseRegion, launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('operator registry (经营主体)', () => {
  test('county_wancheng finds the demo operators, registers one (a wrong credit code is caught on the field) and suspends it', async () => {
    await withPage(
      browser,
      'operators',
      async (page) => {
        // A unique name and credit code, so a re-run against the same server finds its own operator.
        const tag = Date.now()
          .toString(36)
          .toUpperCase()
          .replace(/[IOZSV]/g, 'A')
          .slice(-6);
        const name = `宛城区E2E${tag}蔬菜专业合作社`;
        const first17 = `93411302MA4${tag.padStart(6, '0')}`;
        const good = `${first17}${usccCheckCharacter(first17)}`;
        const wrongCheck = usccCheckCharacter(first17) === '0' ? '1' : '0';

        await login(page, 'county_wancheng');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '经营主体' })
          .click();
        await page.waitForURL('**/operators');
        const table = page.getByTestId('operators-table');
        await expect.poll(async () => (await table.textContent()) ?? '').toContain('南阳宛农食品有限公司');
        expect(await table.textContent()).toContain('市级');
        await saveScreenshot(page, 'operators');

        await page.getByRole('button', { name: '登记经营主体' }).click();
        const dialog = page.getByRole('dialog', { name: '登记经营主体' });
        await dialog.getByLabel('名称').fill(name);
        await chooseOption(dialog, '类型', '农民专业合作社');
        await chooseRegion(dialog, '所在地', ['南阳市', '宛城区']);
        await dialog.getByLabel('统一社会信用代码').fill(`${first17}${wrongCheck}`);
        await dialog.getByLabel('法定代表人（负责人）').fill('吴测试');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(async () => (await dialog.textContent()) ?? '').toContain('校验位不对');
        // A cooperative cannot carry a lead-enterprise level: the field is off.
        expect(await dialog.getByLabel('龙头企业认定级别').isDisabled()).toBe(true);
        await saveScreenshot(page, 'operator-uscc-error');

        await dialog.getByLabel('统一社会信用代码').fill(good);
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(() => dialog.isVisible()).toBe(false);

        const search = page.getByRole('searchbox', { name: '名称或信用代码' });
        await search.fill(good);
        await search.press('Enter');
        const rows = table.locator('tbody tr.ant-table-row');
        await expect.poll(() => rows.count()).toBe(1);
        expect(await rows.first().textContent()).toContain(name);
        expect(await rows.first().textContent()).toContain('经营中');

        await rows.first().getByRole('button', { name: '编辑' }).click();
        const edit = page.getByRole('dialog', { name: '编辑经营主体' });
        await chooseOption(edit, '状态', '停业');
        await edit.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain('停业');
      },
      { width: 1440, height: 900 },
    );
  });

  test('town_guanzhuang opens the demo workshop: its profile, its flag, and who works there from the work records', async () => {
    await withPage(
      browser,
      'operator-workshop',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page.goto(`/operators?q=${encodeURIComponent('帮扶车间')}`);
        const table = page.getByTestId('operators-table');
        const row = table.locator('tbody tr.ant-table-row').filter({ hasText: '服装加工帮扶车间' });
        await expect.poll(() => row.count()).toBe(1);
        // The demo workshop has two workers this month: fewer than the five it should absorb.
        expect(await row.textContent()).toContain('吸纳不足 5 人');
        await row.getByText('官庄镇东岗村服装加工帮扶车间').click();
        const drawer = page.getByRole('dialog', { name: '官庄镇东岗村服装加工帮扶车间' });
        const info = drawer.getByTestId('workshop-info');
        await expect.poll(async () => (await info.textContent()) ?? '').toContain('厂房式');
        expect(await info.textContent()).toContain('已投保');
        const workers = drawer.getByTestId('operator-workers').locator('tbody tr.ant-table-row');
        await expect.poll(() => workers.count()).toBe(2);
        await saveScreenshot(page, 'operator-workshop');

        // The profile is edited in place: a new site shows in the open drawer.
        await drawer.getByRole('button', { name: '填写车间信息' }).click();
        const dialog = page.getByRole('dialog', { name: /填写车间信息/ });
        await dialog.getByLabel('车间地点').fill('东岗村新厂房');
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await expect.poll(async () => (await info.textContent()) ?? '').toContain('东岗村新厂房');
      },
      { width: 1440, height: 900 },
    );
  });

  test('on a phone, a township reads the list without the page running off the screen', async () => {
    await withPage(
      browser,
      'operators-phone',
      async (page) => {
        await login(page, 'town_guanzhuang');
        await page.goto('/operators');
        const table = page.getByTestId('operators-table');
        await expect.poll(async () => (await table.textContent()) ?? '').toContain('香菇种植专业合作社');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        await saveScreenshot(page, 'operators-phone');
      },
      { width: 390, height: 844 },
    );
  });
});
