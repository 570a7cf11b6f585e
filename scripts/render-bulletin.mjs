#!/usr/bin/env node
// Renders a sample quarterly bulletin from the demo data: writes the .docx and, when LibreOffice is installed
// (`apt-get install libreoffice-writer-nogui poppler-utils`), converts it to PDF and its pages to PNG to look at.
// Usage: npm run build && node scripts/render-bulletin.mjs [out-dir]   (default: test-results/bulletin)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createSecrets } from '../dist/server/adapters/secrets.js';
import { loadConfig } from '../dist/server/config.js';
import { migrateToLatest, openDatabase } from '../dist/server/db/database.js';
import { quarterOf } from '../dist/server/domain/ranking.js';
import { systemActor } from '../dist/server/services/actor.js';
import { createServices } from '../dist/server/services/index.js';
import { shanghaiToday } from '../dist/shared/calendar.js';

const out = path.resolve(process.argv[2] ?? 'test-results/bulletin');
fs.mkdirSync(out, { recursive: true });
const database = await openDatabase({ kind: 'pglite-memory' });
await migrateToLatest(database.db);
const config = { ...loadConfig({}), logLevel: 'silent' };
const services = createServices(database, config, createSecrets(Buffer.alloc(32, 5)));
const actor = systemActor('render-bulletin');
await services.demoSeed.seedDemo(actor);
await services.population.seedHouseholds(actor, { households: 3000, referenceDate: shanghaiToday() });
await services.demoCases.seedCases(actor);
await services.reports.refresh();
const bulletin = await services.rankings.createBulletin(actor, quarterOf(shanghaiToday()));
const file = await services.rankings.bulletinFile(bulletin.id);
const docx = path.join(out, 'bulletin.docx');
fs.writeFileSync(docx, file.buffer);
console.log(`wrote ${docx} (${file.buffer.length} bytes): ${bulletin.title}`);
await database.close();

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd]).status === 0);
if (!soffice) {
  console.log('LibreOffice not found: skipped the PDF and PNG');
  process.exit(0);
}
// LibreOffice exits 0 even when a conversion fails, so success is the file being there.
const pdf = path.join(out, 'bulletin.pdf');
fs.rmSync(pdf, { force: true });
spawnSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'inherit' });
if (!fs.existsSync(pdf)) {
  console.error('LibreOffice did not write bulletin.pdf');
  process.exit(1);
}
console.log(`rendered ${pdf}`);
// Pages as images to look at (poppler-utils' pdftoppm), when installed.
if (spawnSync('which', ['pdftoppm']).status === 0) {
  spawnSync('pdftoppm', ['-r', '80', '-png', pdf, path.join(out, 'page')], { stdio: 'inherit' });
  console.log(
    `pages: ${fs
      .readdirSync(out)
      .filter((f) => f.startsWith('page'))
      .join(', ')}`,
  );
}
