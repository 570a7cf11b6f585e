import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, logout, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('login and the app shell', () => {
  test('city_admin logs in, sees the shell, switches language and logs out', async () => {
    await withPage(browser, 'shell-city-admin', async (page) => {
      await page.goto('/');
      // Not logged in: the app sends the user to the login page, which names the product.
      await page.waitForURL('**/login');
      await expect.poll(() => page.getByRole('heading', { name: /守底/ }).isVisible()).toBe(true);

      await login(page, 'city_admin');
      // One navigation landmark; its label follows the language, so it is found by role alone.
      const nav = page.getByRole('navigation');
      expect(await nav.getAttribute('aria-label')).toBe('菜单');
      for (const item of ['工作台', '农户档案', '监测对象', '预警中心', '走访', '报表', '系统管理']) {
        await expect.poll(() => nav.getByRole('menuitem', { name: item }).isVisible()).toBe(true);
      }
      await nav.getByRole('menuitem', { name: '系统管理' }).click();
      for (const item of ['用户管理', '审计日志', '区划']) {
        await expect
          .poll(() => nav.getByRole('menuitem', { name: new RegExp(`${item}$`) }).isVisible())
          .toBe(true);
      }
      expect(await page.getByTestId('current-user').textContent()).toContain('市局管理员');
      expect(await page.getByTestId('current-region').textContent()).toBe('南阳市');
      expect(await page.getByTestId('current-role').textContent()).toContain('市级乡村振兴局');
      expect(await page.getByTestId('welcome-card').textContent()).toContain('您好，市局管理员');

      // Every module is built: 报表 opens its submenu, 预警中心 its tabs.
      await nav.getByRole('menuitem', { name: '报表' }).click();
      await expect.poll(() => nav.getByRole('menuitem', { name: '月度自查' }).isVisible()).toBe(true);
      await nav.getByRole('menuitem', { name: '预警中心' }).click();
      await expect.poll(() => page.getByRole('tab', { name: '部门预警' }).isVisible()).toBe(true);

      // English and back; the choice survives a reload.
      await page.getByTestId('language-switch').getByText('English').click();
      await expect.poll(() => nav.getByRole('menuitem', { name: 'Workbench' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
      expect(await page.getByTestId('current-role').textContent()).toContain('City bureau');
      await page.reload();
      await expect.poll(() => nav.getByRole('menuitem', { name: 'Workbench' }).isVisible()).toBe(true);
      await page.getByTestId('language-switch').getByText('中文').click();
      await expect.poll(() => nav.getByRole('menuitem', { name: '工作台' }).isVisible()).toBe(true);

      await logout(page);
      expect(new URL(page.url()).pathname).toBe('/login');
      // The session is really gone: a protected page leads back to the login form.
      await page.goto('/system/users');
      await page.waitForURL('**/login');
    });
  });

  test('a wrong password shows the error and stays on the login page', async () => {
    await withPage(browser, 'login-wrong-password', async (page) => {
      await page.goto('/login');
      await page.getByLabel('用户名', { exact: true }).fill('leader_city');
      await page.getByLabel('密码', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: /登\s*录/ }).click();
      const error = page.getByTestId('login-error');
      await expect.poll(() => error.isVisible()).toBe(true);
      expect(await error.textContent()).toContain('用户名或密码错误');
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  });

  test('a read-only leader sees the audit log but not user management', async () => {
    await withPage(browser, 'leader-nav', async (page) => {
      await login(page, 'leader_city');
      const nav = page.getByRole('navigation', { name: '菜单' });
      await nav.getByRole('menuitem', { name: '系统管理' }).click();
      await expect.poll(() => nav.getByRole('menuitem', { name: '审计日志' }).isVisible()).toBe(true);
      expect(await nav.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);

      await nav.getByRole('menuitem', { name: '审计日志' }).click();
      const table = page.getByTestId('audit-table');
      await expect
        .poll(() => table.getByRole('cell', { name: '登录', exact: true }).first().isVisible())
        .toBe(true);
      // Expanding the newest entry shows its old and new values side by side (or says there are none).
      await table
        .getByRole('button', { name: /展开行|Expand row/ })
        .first()
        .click();
      await expect
        .poll(
          async () =>
            (await page.getByTestId('audit-diff').count()) +
            (await page.getByText('此操作没有记录字段变化').count()),
        )
        .toBeGreaterThan(0);
    });
  });
});
