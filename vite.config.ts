import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/glyphs': `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'web/src/**/*.test.ts'],
    benchmark: { include: ['server/analysis/**/bench.ts'] },
    testTimeout: 20_000,
    // Heavy jobs share two cores with the whole suite here, so they get a wider budget than the 10 s default; the
    // budget's own behaviour is tested with short budgets set explicitly (tests/security, server/work).
    // Their threads also keep the suite's priority (NETGUARD_WORKER_NICE 0): other test files are not an event loop to
    // yield to. The real-server tests set the default (10) back, as they test what a deployment does.
    env: { NETGUARD_JOB_BUDGET_MS: '60000', NETGUARD_WORKER_NICE: '0' },
    hookTimeout: 120_000,
  },
});
