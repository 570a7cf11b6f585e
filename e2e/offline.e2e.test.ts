import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, DEMO_PASSWORD, launchBrowser, login, newContext, withPage } from './browser.js';

/** Offline field work (issue #7) on a phone: record offline, reload offline, send when back, stored once. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };
const eventually = <T>(read: () => T | Promise<T>, timeout = 20_000) => expect.poll(read, { timeout });
const shots = new URL('../test-results/', import.meta.url).pathname;

/** Opens the form for the first household of the helper's plan; returns its id. */
async function openVisitForm(page: Page): Promise<string> {
  await page.waitForURL('**/visits');
  const due = page.getByTestId('visits-due');
  await eventually(() => due.getByRole('button', { name: /记录走访/ }).count()).toBeGreaterThan(0);
  await due
    .getByRole('button', { name: /记录走访/ })
    .first()
    .click();
  await page.waitForURL(/\/visits\/new\?householdId=\d+/);
  await page.getByLabel('产业发展情况', { exact: true }).waitFor();
  return new URL(page.url()).searchParams.get('householdId') ?? '';
}

/** Fills the form and saves; offline, the visit is kept on the phone as 待发送. */
async function recordQueued(page: Page, note: string): Promise<void> {
  await page.getByLabel('产业发展情况', { exact: true }).fill(note);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId('visit-queued').waitFor();
}

/** The visits of the household that carry `note`, read through the API with the page's session. */
async function storedVisits(context: BrowserContext, householdId: string, note: string) {
  const response = await context.request.get(`${baseUrl()}/api/households/${householdId}/visits`);
  expect(response.status()).toBe(200);
  const visits = (await response.json()) as Array<{ industryNote: string | null; attachmentIds: string[] }>;
  return visits.filter((v) => v.industryNote === note);
}

const storedCount = async (context: BrowserContext, householdId: string, note: string) =>
  (await storedVisits(context, householdId, note)).length;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The stored work set's timestamp (set once the first download reached IndexedDB). */
const worksetSaved = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('shoudi-offline');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) {
            resolve(false);
            return;
          }
          const get = db.transaction('meta').objectStore('meta').get('savedAt');
          get.onsuccess = () => resolve(Boolean(get.result));
          get.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
  );

describe('offline field work on a phone', () => {
  test('a visit recorded offline survives a reload offline and is sent once when back online', async () => {
    await withPage(
      browser,
      'offline-visit',
      async (page, context) => {
        await login(page, 'helper_demo');
        const householdId = await openVisitForm(page);
        // The app shell is in the service worker's cache and the work set in IndexedDB before the signal goes.
        await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
        await eventually(() => worksetSaved(page)).toBe(true);

        await context.setOffline(true);
        const note = `离线走访（E2E ${Date.now().toString(36)}）`;
        // A photo taken offline is kept as a blob and goes out before the visit that names it.
        await page
          .getByTestId('photo-input')
          .setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
        await eventually(() => page.getByTestId('photo-list').locator('img').count()).toBe(1);
        await mkdir(shots, { recursive: true });
        await page.screenshot({ path: `${shots}offline-0-form.png`, fullPage: true });
        await recordQueued(page, note);
        await eventually(() => page.getByTestId('outbox-count').textContent()).toBe('2');
        await page.screenshot({ path: `${shots}offline-1-queued.png` });

        // Reload with no network: the shell comes from the service worker, the plan from IndexedDB.
        await page.goto('/visits');
        await page.getByTestId('due-from-store').waitFor();
        await eventually(() => page.getByTestId('visit-pending').count()).toBe(1);
        await eventually(() => page.getByTestId('outbox-count').textContent()).toBe('2');
        await eventually(() => page.getByTestId('visits-due').locator('.ant-spin-spinning').count()).toBe(0);
        await page.screenshot({ path: `${shots}offline-2-reloaded.png` });

        await context.setOffline(false);
        await eventually(() => page.getByTestId('offline-banner').count()).toBe(0);
        const stored = await storedVisits(context, householdId, note);
        expect(stored).toHaveLength(1);
        expect(stored[0]?.attachmentIds).toHaveLength(1);
        // The plan reloads from the server once the outbox drained: the household's visit is today's.
        await eventually(() => page.getByTestId('visit-pending').count()).toBe(0);
        await eventually(() => page.getByTestId('due-from-store').count()).toBe(0);
        await page.screenshot({ path: `${shots}offline-3-sent.png` });
      },
      PHONE,
    );
  });

  test('a send whose answer is lost is retried and the visit lands once', async () => {
    // Service workers blocked so page.route sees every request of the page.
    const context = await newContext(browser, {
      baseURL: baseUrl(),
      viewport: PHONE,
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await login(page, 'helper_demo');
      const householdId = await openVisitForm(page);
      await context.setOffline(true);
      const note = `中断重发（E2E ${Date.now().toString(36)}）`;
      await recordQueued(page, note);

      // The first POST reaches the server (which stores the visit), then the connection drops before the answer.
      let posts = 0;
      await page.route('**/api/visits', async (route) => {
        posts += 1;
        if (posts === 1) {
          await route.fetch();
          await route.abort('connectionreset');
          return;
        }
        await route.continue();
      });
      await context.setOffline(false);
      await eventually(() => posts).toBe(1);
      expect(await storedCount(context, householdId, note)).toBe(1);
      // Still waiting on the phone; "send now" instead of the back-off timer.
      await eventually(() => page.getByTestId('outbox-count').textContent()).toBe('1');
      await page.getByRole('button', { name: /立即发送/ }).click();
      await eventually(() => page.getByTestId('offline-banner').count()).toBe(0);
      expect(posts).toBe(2);
      expect(await storedCount(context, householdId, note)).toBe(1);
    } finally {
      await context.close();
    }
  });

  test("a household fact edited offline meets a server change: 保留我的 stores the user's value once", async () => {
    // Another user's session (the county), changing the same household through the API meanwhile.
    const county = await newContext(browser, { baseURL: baseUrl() });
    try {
      const signIn = await county.request.post('/api/auth/login', {
        data: { username: 'county_wancheng', password: DEMO_PASSWORD },
      });
      expect(signIn.status()).toBe(200);
      const read = async (id: string) => {
        const response = await county.request.get(`/api/households/${id}`);
        expect(response.status()).toBe(200);
        return ((await response.json()) as { household: { address: string | null; version: number } })
          .household;
      };

      await withPage(
        browser,
        'offline-facts-conflict',
        async (page, context) => {
          await login(page, 'helper_demo');
          const householdId = await openVisitForm(page);
          await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
          await eventually(() => worksetSaved(page)).toBe(true);
          const before = await read(householdId);

          // Offline, the household comes from the work set, with the facts form.
          await context.setOffline(true);
          await page.goto(`/visits/new?householdId=${householdId}`);
          const facts = page.getByTestId('offline-facts');
          await facts.waitFor();
          const mine = `东岗村 E2E ${Date.now().toString(36)} 号`;
          await facts.getByLabel('住址').fill(mine);
          await facts.getByRole('button', { name: /存入本机/ }).click();
          await eventually(() => page.getByTestId('outbox-count').textContent()).toBe('1');

          // Meanwhile the county edits the same household: its version moves on.
          const theirs = `县里改的地址 ${Date.now().toString(36)}`;
          const patched = await county.request.patch(`/api/households/${householdId}`, {
            data: { version: before.version, address: theirs },
          });
          expect(patched.status()).toBe(200);

          // Back online: the stale version is refused, and the choice appears with both values.
          await context.setOffline(false);
          const resolve = page.getByRole('button', { name: /处理冲突/ });
          await resolve.waitFor();
          await resolve.click();
          const table = page.getByTestId('facts-conflict');
          await eventually(() => table.textContent()).toContain(theirs);
          expect(await table.textContent()).toContain(mine);
          await mkdir(shots, { recursive: true });
          await page.screenshot({ path: `${shots}offline-4-facts-conflict.png` });
          await page.getByRole('button', { name: /保留我的/ }).click();

          await eventually(() => page.getByTestId('offline-banner').count()).toBe(0);
          const after = await read(householdId);
          expect(after.address).toBe(mine);
          // The county's edit and the user's, one each: the user's fields were stored exactly once.
          expect(after.version).toBe(before.version + 2);
        },
        PHONE,
      );
    } finally {
      await county.close();
    }
  });

  test('a village cadre verifies leads offline; one settled meanwhile comes back as a conflict', async () => {
    const county = await newContext(browser, { baseURL: baseUrl() });
    try {
      const signIn = await county.request.post('/api/auth/login', {
        data: { username: 'county_wancheng', password: DEMO_PASSWORD },
      });
      expect(signIn.status()).toBe(200);
      const openLeads = async () => {
        const response = await county.request.get(
          '/api/leads?status=open&regionCode=411302102201&pageSize=50',
        );
        expect(response.status()).toBe(200);
        return (
          (await response.json()) as { items: Array<{ id: number; householdId: number; version: number }> }
        ).items;
      };
      // Two open leads of its own, on households with none: other test files verify the demo village's leads on
      // the same server, and raising on a household with an open lead would merge into (and then close) theirs.
      const taken = new Set((await openLeads()).map((lead) => lead.householdId));
      const households = await county.request.get('/api/households?regionCode=411302102201&pageSize=200');
      const ids = ((await households.json()) as { items: Array<{ id: number }> }).items
        .map((h) => h.id)
        .filter((id) => !taken.has(id));
      for (const householdId of ids.slice(-2)) {
        const raised = await county.request.post('/api/leads', {
          data: { householdId, reasons: ['income_drop'], note: '离线核实测试' },
        });
        expect(raised.status()).toBe(201);
      }
      const mine = ids.slice(-2);
      const [first, second] = (await openLeads()).filter((lead) => mine.includes(lead.householdId));
      if (!first || !second) {
        throw new Error('the demo village needs two open leads');
      }

      await withPage(
        browser,
        'offline-lead-check',
        async (page, context) => {
          await login(page, 'village_guanzhuang');
          await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
          await eventually(() => worksetSaved(page)).toBe(true);
          await context.setOffline(true);

          const closeOffline = async (householdId: number, reason: string) => {
            await page.goto(`/visits/new?householdId=${householdId}`);
            const checks = page.getByTestId('offline-checks');
            await checks.waitFor();
            await checks
              .getByRole('button', { name: /核实无风险/ })
              .first()
              .click();
            await page.getByLabel('核实结论（必填）').fill(reason);
            await page
              .getByRole('dialog')
              .getByRole('button', { name: /存入本机/ })
              .click();
            await checks.getByText('待发送').first().waitFor();
          };
          await closeOffline(first.householdId, '入户核实：收入稳定，无返贫风险（E2E）');
          await closeOffline(second.householdId, '入户核实：已有低保，无风险（E2E）');
          await eventually(() => page.getByTestId('outbox-count').textContent()).toBe('2');

          // Meanwhile the county settles the second lead.
          const settled = await county.request.post(`/api/leads/${second.id}/close`, {
            data: { version: second.version, reason: '县里已核实' },
          });
          expect(settled.status()).toBe(200);

          await context.setOffline(false);
          // Chromium reports a page loaded while emulated-offline as online and fires no 'online' event when the
          // emulation ends (the first test covers sending on that event), so the cadre presses 立即发送, as one
          // would on a phone whose signal came back without the browser noticing.
          await page.getByRole('button', { name: /立即发送/ }).click();
          // The first lands; the second is refused with the server's message, kept for the user.
          await eventually(() => page.getByTestId('outbox-count').textContent()).toBe('1');
          await eventually(() => page.getByTestId('offline-banner').textContent()).toContain('线索核实');
          expect(await page.getByTestId('offline-banner').textContent()).toContain('与服务器上的记录冲突');
          const open = (await openLeads()).map((l) => l.id);
          expect(open).not.toContain(first.id);
          expect(open).not.toContain(second.id);
          await page.getByRole('button', { name: /放弃这条/ }).click();
          await eventually(() => page.getByTestId('offline-banner').count()).toBe(0);
        },
        PHONE,
      );
    } finally {
      await county.close();
    }
  });
});
