import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let app: Awaited<ReturnType<typeof buildApp>>;
let webDir: string;

beforeAll(async () => {
  t = await createTestApp();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoudi-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>守底</title>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(webDir, 'manifest.webmanifest'), '{"name":"守底"}');
  app = await buildApp({
    config: t.config,
    services: t.services,
    databaseKind: t.database.kind,
    webDir,
    logger: false,
  });
});
afterAll(async () => {
  await app.close();
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves the app at / and at every client-side route', async () => {
    for (const url of ['/', '/login', '/system/users', '/households/12']) {
      const response = await app.inject(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
      expect(response.body).toContain('守底');
    }
  });

  it('serves built assets and keeps API errors as JSON', async () => {
    expect((await app.inject('/assets/app.js')).body).toBe('console.log(1)');
    // A chunk built after start-up is served; a missing one is a 404, not index.html under a script's name.
    fs.writeFileSync(path.join(webDir, 'assets', 'later.js'), 'console.log(2)');
    expect((await app.inject('/assets/later.js')).body).toBe('console.log(2)');
    expect((await app.inject('/assets/gone-1234.js')).statusCode).toBe(404);
    const api = await app.inject('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });

  it('serves the service worker and the manifest at the root, as script and manifest, revalidated every load', async () => {
    const sw = await app.inject('/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await app.inject('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });
});
