import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseOption, chooseRegion, launchBrowser, login, logout, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const tableText = async (page: Page) => (await page.getByTestId('users-table').textContent()) ?? '';

/** Opens 用户管理 and waits until the table lists `expected` (the logged-in user is always in their own scope). */
async function openUsers(page: Page, expected: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '菜单' });
  const users = nav.getByRole('menuitem', { name: '用户管理' });
  // The 系统管理 submenu may already be open (the app returns to the last page after a new login):
  // clicking it then would close it.
  if (!(await users.isVisible())) {
    await nav.getByRole('menuitem', { name: '系统管理' }).click();
  }
  await users.click();
  await page.waitForURL('**/system/users');
  await expect.poll(() => tableText(page)).toContain(expected);
}

describe('user management', () => {
  test('city_admin creates a user in 卧龙区, and county_wolong sees only 卧龙区 users', async () => {
    const username = `e2e_helper_${Date.now().toString(36)}`;
    await withPage(browser, 'users-create-and-scope', async (page) => {
      await login(page, 'city_admin');
      await openUsers(page, 'city_admin');

      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新建用户' });
      await dialog.getByLabel('用户名', { exact: true }).fill(username);
      await dialog.getByLabel('姓名', { exact: true }).fill('卧龙帮扶员');
      await dialog.getByLabel('初始密码', { exact: true }).fill('Temp-pass-2024');
      await chooseOption(dialog, '角色', '帮扶责任人');

      // The region tree loads lazily: expand 南阳市 (not selectable for this role), then choose 卧龙区.
      await chooseRegion(dialog, '区划', ['南阳市', '卧龙区']);
      await dialog.getByLabel('电话', { exact: true }).fill('0377-1234567');
      await dialog.getByLabel('单位', { exact: true }).fill('卧龙区乡村振兴局');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();

      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => tableText(page)).toContain(username);
      const row = page.getByTestId('users-table').getByRole('row', { name: new RegExp(username) });
      expect(await row.textContent()).toContain('卧龙区');
      expect(await row.textContent()).toContain('待改密');
      await logout(page);

      await login(page, 'county_wolong');
      await openUsers(page, username);
      const text = await tableText(page);
      expect(text).toContain('county_wolong');
      expect(text).not.toContain('city_admin');
      expect(text).not.toContain('county_wancheng');
      expect(text).not.toContain('宛城区');
    });
  });

  test('a field error from the server lands on its field', async () => {
    await withPage(browser, 'users-field-error', async (page) => {
      await login(page, 'county_wancheng');
      await openUsers(page, 'county_wancheng');
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新建用户' });
      // The same name as the username: only the server knows this rule.
      await dialog.getByLabel('用户名', { exact: true }).fill('same_as_password');
      await dialog.getByLabel('姓名', { exact: true }).fill('测试');
      await dialog.getByLabel('初始密码', { exact: true }).fill('same_as_password');
      await chooseOption(dialog, '角色', '县级乡村振兴局');
      await chooseRegion(dialog, '区划', ['南阳市', '宛城区']);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => dialog.getByText('密码不能与用户名相同').isVisible()).toBe(true);
    });
  });
});
