#!/usr/bin/env node
// The `shoudi` command: runs the compiled CLI (`npm run build` produces dist/; `npm ci` runs it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('Shoudi is not built yet: run `npm run build` (or `npm ci`) first.');
  process.exit(1);
}
await import(entry);
