import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Emits /sw.js from src/web/sw.js with this build's id and the list of built files to precache, so the whole
 * app shell (lazy pages included) is on the phone after the first visit, and each build installs a new worker.
 */
function serviceWorker(): Plugin {
  return {
    name: 'shoudi-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith('assets/'))
        .map((name) => `/${name}`)
        .sort();
      const source = fs
        .readFileSync(new URL('./src/web/sw.js', import.meta.url), 'utf8')
        .replace('__SHOUDI_BUILD__', Date.now().toString(36))
        .replace('__SHOUDI_PRECACHE__', JSON.stringify([...files, '/manifest.webmanifest', '/favicon.svg']));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// The web app lives in src/web and is built into dist/web, which `shoudi serve` hosts with an SPA fallback.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react(), serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // React and Ant Design form one large, long-cached vendor chunk; ECharts has its own, loaded only by the
    // pages with charts; the pages load on demand.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 2,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'antd', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
