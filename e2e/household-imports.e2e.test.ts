import ExcelJS from 'exceljs';
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
          `宛城区,官庄镇,张茨园村,411302102201,E2E${tag},一般农户,周预检,${id(`41130219820505${seq}`)},户主,,,A`,
          `宛城区,官庄镇,张茨园村,411302102201,E2E${tag},一般农户,周小检,${id(`41130220120505${seq}`)},之子,,,`,
          `宛城区,官庄镇,张茨园村,411302102201,E2F${tag},一般农户,坏行,12345,户主,,,A`,
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
        expect(await preview.textContent()).toContain('宛城区官庄镇张茨园村');
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

  test('county_wancheng imports a file for real (上传并导入), finds the household, and exports just that search', async () => {
    await withPage(
      browser,
      'household-import-export',
      async (page) => {
        const tag = `${Date.now().toString(36)}i`;
        const seq = String((Date.now() + 500) % 1000).padStart(3, '0');
        const head = `吴导${tag.slice(-3)}`;
        const csv = [
          HEADER,
          `宛城区,官庄镇,张茨园村,411302102201,E2E${tag},一般农户,${head},${id(`41130219830606${seq}`)},户主,,,B`,
          `宛城区,官庄镇,张茨园村,411302102201,E2E${tag},一般农户,吴小导,${id(`41130220130606${seq}`)},之女,,,`,
        ].join('\n');

        await login(page, 'county_wancheng');
        await page.goto('/households');
        await page.getByRole('button', { name: /^(upload )?导\s*入$/ }).click();
        const dialog = page.getByTestId('household-import');
        await dialog.locator('input[type=file]').setInputFiles({
          name: `导入-${tag}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(`\uFEFF${csv}`),
        });
        await dialog.getByRole('button', { name: '上传并导入' }).click();
        const result = page.getByTestId('household-import-result');
        await expect.poll(async () => (await result.textContent()) ?? '').toContain('已导入 1 户 2 人');
        await saveScreenshot(page, 'household-import-done');
        await dialog.getByRole('button', { name: '关闭' }).click();

        // The list finds the new household by its head's name.
        const nameBox = page.getByRole('textbox', { name: '户主姓名' });
        await nameBox.fill(head);
        await nameBox.press('Enter');
        await page.waitForURL(/headName=/);
        // :visible, as the closed dialog keeps its preview table in the page.
        const rows = page.locator('tbody tr.ant-table-row:visible');
        await expect.poll(() => rows.count()).toBe(1);
        expect(await rows.first().textContent()).toContain(head);

        // 导出结果 downloads that search only: the two members of the one household, IDs masked.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('household-export').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^农户档案-\d{4}-\d{2}-\d{2}\.xlsx$/);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(await download.path());
        const sheet = workbook.worksheets[0];
        const names: string[] = [];
        sheet?.eachRow((row, n) => {
          if (n > 1) {
            names.push(String(row.getCell(7).value));
            expect(String(row.getCell(10).value)).toContain('*');
          }
        });
        expect(names).toEqual([head, '吴小导']);
        await saveScreenshot(page, 'household-export-search');
      },
      { width: 1440, height: 900 },
    );
  });
});
