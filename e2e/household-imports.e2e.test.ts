import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkCharacter } from '../src/shared/id-number.js';
import { launchBrowser, login, saveScreenshot, withPage } from './browser.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const HEADER =
  '县,乡,村,行政区划代码,户编号,户类型,姓名,证件号码,与户主关系,劳动技能,户联系电话,住房安全等级';
const id = (first17: string) => `${first17}${checkCharacter(first17)}`;

describe('household import check and history', () => {
  test('county_wancheng checks a file with a bad row (预检), sees what would be imported, and finds both checks in 导入记录', async () => {
    await withPage(
      browser,
      'household-import-check',
      async (page) => {
        // A unique file name and birth sequence, so a re-run against the same server finds its own rows.
        const tag = Date.now().toString(36);
        const seq = String(Date.now() % 1000).padStart(3, '0');
        const filename = `预检-${tag}.csv`;
        const csv = [
          HEADER,
          `宛城区,官庄镇,东岗村,411302102201,E2E${tag},一般农户,周预检,${id(`41130219820505${seq}`)},户主,,,A`,
          `宛城区,官庄镇,东岗村,411302102201,E2E${tag},一般农户,周小检,${id(`41130220120505${seq}`)},之子,,,`,
          `宛城区,官庄镇,东岗村,411302102201,E2F${tag},一般农户,坏行,12345,户主,,,A`,
        ].join('\n');

        await login(page, 'county_wancheng');
        await page
          .getByRole('navigation', { name: '菜单' })
          .getByRole('menuitem', { name: '农户档案' })
          .click();
        await page.waitForURL('**/households');
        await page.getByRole('button', { name: /^(upload )?导\s*入$/ }).click();
        const dialog = page.getByTestId('household-import');
        await dialog.locator('input[type=file]').setInputFiles({
          name: filename,
          mimeType: 'text/csv',
          buffer: Buffer.from(`\uFEFF${csv}`),
        });

        // All or nothing (the default): the check says the bad row would stop the whole file, and why.
        await dialog.getByRole('button', { name: '预检（不导入）' }).click();
        const result = page.getByTestId('household-import-result');
        await expect.poll(async () => (await result.textContent()) ?? '').toContain('整个文件不会导入');
        await expect.poll(async () => (await dialog.textContent()) ?? '').toContain('身份证号应为 18 位');

        // Skipping bad rows: the check previews the one household that would be written, and writes nothing.
        await dialog.getByRole('checkbox', { name: '跳过有误的户，导入其余各户' }).check();
        await expect.poll(() => result.count()).toBe(0);
        await dialog.getByRole('button', { name: '预检（不导入）' }).click();
        await expect.poll(async () => (await result.textContent()) ?? '').toContain('可导入 1 户 2 人');
        const preview = page.getByTestId('household-import-preview');
        await expect.poll(async () => (await preview.textContent()) ?? '').toContain('周预检');
        expect(await preview.textContent()).toContain('宛城区官庄镇东岗村');
        await saveScreenshot(page, 'household-import-check');

        // Nothing was written: searching the head finds no household.
        const found = await page.request.get(`/api/households?headName=${encodeURIComponent('周预检')}`);
        expect(found.ok()).toBe(true);
        expect((await found.json()).total).toBe(0);

        // The history lists both checks of this file, newest first, with their problem reports.
        await dialog.getByRole('link', { name: '导入记录' }).click();
        await page.waitForURL('**/households/imports');
        const table = page.getByTestId('household-imports-table');
        const mine = table.locator('tbody tr.ant-table-row').filter({ hasText: filename });
        await expect.poll(() => mine.count()).toBe(2);
        const newest = (await mine.first().textContent()) ?? '';
        expect(newest).toContain('仅预检');
        await expect
          .poll(() =>
            mine
              .first()
              .getByRole('link', { name: /问题清单/ })
              .count(),
          )
          .toBe(1);
        await saveScreenshot(page, 'household-imports');
      },
      { width: 1440, height: 900 },
    );
  });
});
