#!/usr/bin/env node
// `npm run test:e2e`: runs the browser tests with Vitest and exits with its code. Needs `npm run build` first.
import { spawn } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const child = spawn(npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
