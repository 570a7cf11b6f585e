/**
 * The HTTP load generator of the benchmark, run as its own process so that the clients do not share
 * the server's event loop: `node http-load.js <file.json>` with {base, cookie, paths, clients, durationMs};
 * prints {count, perSecond, p50, p95, p99, errors} as JSON.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

interface Options {
  base: string;
  cookie: string;
  paths: string[];
  clients: number;
  durationMs: number;
}

const options = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as Options;
const latencies: number[] = [];
let errors = 0;
let n = 0;
const end = performance.now() + options.durationMs;

await Promise.all(
  Array.from({ length: options.clients }, async () => {
    while (performance.now() < end) {
      const path = options.paths[n++ % options.paths.length] ?? '/';
      const start = performance.now();
      const response = await fetch(`${options.base}${path}`, { headers: { cookie: options.cookie } });
      await response.arrayBuffer();
      latencies.push(performance.now() - start);
      if (response.status !== 200) {
        errors++;
      }
    }
  }),
);

latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    count: latencies.length,
    perSecond: latencies.length / (options.durationMs / 1000),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors,
  }),
);
