#!/usr/bin/env node
// Screenshots of the main pages at desktop (1366×768) and phone (390×844) width, against a fresh demo server.
// Usage: npm run build && node e2e/screenshots.mjs [--docs]
//   writes test-results/screenshots/*.png; with --docs also the desktop ones to docs/screenshots/.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'test-results/screenshots');
const docsDir = path.join(root, 'docs/screenshots');
const toDocs = process.argv.includes('--docs');

const port = await new Promise((resolve) => {
  const probe = createServer();
  probe.listen(0, '127.0.0.1', () => {
    const { port: p } = probe.address();
    probe.close(() => resolve(p));
  });
});
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(path.join(tmpdir(), 'shoudi-shots-'));
const server = spawn(process.execPath, ['bin/shoudi.js', 'serve'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SHOUDI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function waitForHealth() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) {
        return;
      }
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
});

async function shoot(viewport, suffix) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'warning' || (m.type() === 'error' && !m.text().includes('401'))) {
      console.log(`[${suffix}] console ${m.type()}: ${m.text()}`);
    }
  });
  const save = async (name) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(outDir, `${name}${suffix}.png`) });
  };
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).waitFor();
  await save('login');
  await page.getByLabel('用户名', { exact: true }).fill('city_admin');
  await page.getByLabel('密码', { exact: true }).fill('shoudi-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('welcome-card').waitFor();
  await save('workbench');
  await page.goto('/system/users');
  await page.getByTestId('users-table').getByText('county_wolong').waitFor();
  await save('users');
  await page.goto('/system/audit');
  await page.getByTestId('audit-table').getByText('city_admin').first().waitFor();
  await page
    .getByTestId('audit-table')
    .getByRole('button', { name: /展开行/ })
    .nth(1)
    .click();
  await save('audit');
  await page.goto('/system/regions');
  await page.getByTestId('region-tree').getByText('卧龙区').click();
  await page.getByTestId('region-tree').getByText('七一街道').first().waitFor();
  await save('regions');
  await page.goto('/households/screening');
  await page.getByRole('button', { name: /开始排查/ }).click();
  await page.getByTestId('run-result').waitFor({ timeout: 60_000 });
  await page.getByTestId('runs-table').getByText('已完成').first().waitFor();
  await save('screening');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名', { exact: true }).fill('county_wancheng');
  await page.getByLabel('密码', { exact: true }).fill('shoudi-demo');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
  // A household with a finding makes the most telling detail page.
  await page.goto('/households?flag=housing');
  await page.getByTestId('households-table').locator('tbody tr.ant-table-row').first().waitFor();
  await page.goto('/households');
  await page.getByTestId('households-table').locator('tbody tr.ant-table-row').first().waitFor();
  await save('households');
  await page.goto('/households?flag=housing');
  const firstRow = page.getByTestId('households-table').locator('tbody tr.ant-table-row').first();
  await firstRow.waitFor();
  await firstRow.getByRole('link').nth(1).click();
  await page.getByTestId('household-summary').waitFor();
  await save('household-detail');
  // The monitoring pages, on the demo cases of 官庄镇东岗村.
  await page.goto('/leads?status=all');
  await page.getByTestId('leads-table').locator('tbody tr.ant-table-row').first().waitFor();
  await save('leads');
  await page.goto('/cases?group=monitoring');
  const caseRow = page.getByTestId('cases-table').locator('tbody tr.ant-table-row').first();
  await caseRow.waitFor();
  await save('cases');
  await caseRow.getByRole('link').first().click();
  await page.getByTestId('case-progress').waitFor();
  await save('case-detail');
  await page.goto('/quality');
  await page.getByTestId('quality-table').locator('tbody tr.ant-table-row').first().waitFor();
  await save('quality');
  await page.goto('/visits');
  await page.getByTestId('visits-due').waitFor();
  await save('visits');
  await page.goto('/visits/new');
  await page.getByRole('button', { name: /保\s*存/ }).waitFor();
  await save('visit-form');
  // The 5+2 reports of a county: its dashboard, the month's self-check and summary.
  await page.goto('/');
  await page.locator('canvas').first().waitFor();
  await save('dashboard');
  await page.goto('/reports/self-check');
  await page.getByText('去处理').first().waitFor();
  await save('self-check');
  await page.goto('/reports/monthly');
  await page.getByText('合计').first().waitFor();
  await save('monthly');
  await context.close();
}

try {
  await waitForHealth();
  await mkdir(outDir, { recursive: true });
  await shoot({ width: 1366, height: 768 }, '');
  await shoot({ width: 390, height: 844 }, '-phone');
  if (toDocs) {
    await mkdir(docsDir, { recursive: true });
    for (const name of [
      'login',
      'workbench',
      'users',
      'audit',
      'households',
      'household-detail',
      'screening',
      'leads',
      'cases',
      'case-detail',
      'quality',
      'visits',
      'visit-form-phone',
      'dashboard',
      'self-check',
      'monthly',
    ]) {
      await copyFile(path.join(outDir, `${name}.png`), path.join(docsDir, `${name}.png`));
    }
  }
  console.log(`screenshots in ${path.relative(root, outDir)}${toDocs ? ' and docs/screenshots' : ''}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
