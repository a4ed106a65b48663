import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { PAGE_ROUTES } from './server/pages.ts';
import { postgresMissing } from './tests/helpers/postgres-cluster.ts';
import { LongestFirstSequencer } from './tests/sequencer.ts';

const apiPort = Number(process.env.PORT ?? 8787);
const page = (file: string) => fileURLToPath(new URL(`./web/${file}`, import.meta.url));

/** `npm run dev` answers /bao-tin and /thuc-dia with their own pages, as the server does (server/pages.ts). */
function pageRoutes(): Plugin {
  return {
    name: 'netguard-page-routes',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const path = (request.url ?? '/').split('?')[0];
        const route = PAGE_ROUTES.find((candidate) => candidate.prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)));
        if (route) request.url = `/${route.file}`;
        next();
      });
    },
  };
}

/**
 * The field app's service worker (Workbox's generateSW): it precaches the field page, the JavaScript, CSS and fonts,
 * the label glyphs and the manifest, and answers navigations under /thuc-dia with the field page, so the app opens
 * offline. The manifest is web/public/thuc-dia.webmanifest, linked from thuc-dia.html only. The basemap archive is
 * not precached: the officer downloads it with the plan's area and the app keeps it in IndexedDB.
 */
const fieldServiceWorker = VitePWA({
  strategies: 'generateSW',
  filename: 'field-sw.js',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['thuc-dia.html', 'thuc-dia.webmanifest', 'icons/*.svg', 'assets/*.{js,css}', 'assets/*vietnamese*.woff2', 'assets/*-latin-[47]00-*.woff2', 'glyphs/**/*.pbf'],
    globIgnores: ['**/index-*.js', '**/hotline-*.js'],
    navigateFallback: '/thuc-dia.html',
    navigateFallbackAllowlist: [/^\/thuc-dia/, /^\/field/],
    navigateFallbackDenylist: [/^\/api\//],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    clientsClaim: true,
    skipWaiting: true,
  },
});

/** Test files run at once: one more than the machine's cores (`--maxWorkers` on the command line overrides it). */
const TEST_WORKERS = availableParallelism() + 1;

/** The test settings both projects share. */
const SHARED_TEST = {
  root: '.',
  // One seeded demo database per run, copied for each server the browser and server tests start; one throwaway
  // PostgreSQL cluster per run (tests/helpers/postgres.ts), shared by both projects.
  globalSetup: ['tests/global-setup.ts'],
  testTimeout: 20_000,
  // Heavy jobs share two cores with the whole suite here, so they get a wider budget than the 10 s default; the
  // budget's own behaviour is tested with short budgets set explicitly (tests/security, server/work).
  // Their threads also keep the suite's priority (NETGUARD_WORKER_NICE 0): other test files are not an event loop to
  // yield to. The real-server tests set the default (10) back, as they test what a deployment does.
  env: { NETGUARD_JOB_BUDGET_MS: '60000', NETGUARD_WORKER_NICE: '0' } as Record<string, string>,
  hookTimeout: 120_000,
};

/**
 * The API suites that also run on PostgreSQL in every test run (the `postgres` project): those whose answers depend
 * on the storage provider's SQL, chosen by their time on PostgreSQL (README "Tests" names each with its reason).
 */
const POSTGRES_API_SUITES: string[] = [
  'bbox', 'filters', 'cql2', 'datetime', 'search', 'editing', 'tiles', 'exports', 'import', 'ogc-metadata',
  'auth', 'access', 'authorization', 'hotline', 'hotline-offline', 'incidents', 'alarms', 'bulletins-inspections',
  'agency-inspections', 'field', 'case-photos', 'patrol-tracks', 'fibre-break-alarm', 'rewards', 'register', 'report',
];

/**
 * The storage-sensitive API suites once more, on a fresh PostgreSQL database per test app (README "Tests"). Where
 * PostgreSQL cannot run the project is left out, saying why, unless NETGUARD_REQUIRE_POSTGRES=1 (CI) wants it to fail.
 */
function postgresProject() {
  const missing = postgresMissing();
  // NETGUARD_REQUIRE_POSTGRES (tests/helpers/postgres.ts, set by .ci/run): then the project's tests fail instead.
  if (missing && process.env.NETGUARD_REQUIRE_POSTGRES !== '1') {
    console.warn(`Skipped the postgres test project (the API suites on PostgreSQL): ${missing}`);
    return [];
  }
  return [{ test: { ...SHARED_TEST, name: 'postgres', include: POSTGRES_API_SUITES.map((suite) => `tests/api/${suite}.test.ts`), env: { ...SHARED_TEST.env, NETGUARD_TEST_STORAGE: 'postgres' } } }];
}

export default defineConfig({
  root: 'web',
  plugins: [react(), pageRoutes(), fieldServiceWorker],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // dist/web/.vite/manifest.json: which chunks each page loads (scripts/bundle-sizes.ts measures them).
    manifest: true,
    rolldownOptions: {
      // Three pages: the signed-in app, the citizens' hotline and the patrol field app, each loading only what it uses.
      input: { index: page('index.html'), hotline: page('bao-tin.html'), field: page('thuc-dia.html') },
      // MapLibre in a chunk of its own, so the pages share it from the cache and its size is measured apart.
      output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] } },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/glyphs': `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    // More test files at once than vitest's default (one less than the cores: a single file at a time on CI's 2 cores),
    // as most of a file's time is spent waiting on a child server, PostgreSQL or Chromium (README "Tests").
    maxWorkers: TEST_WORKERS,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { test: { ...SHARED_TEST, name: 'netguard', include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'web/src/**/*.test.ts'], benchmark: { include: ['server/analysis/**/bench.ts'] } } },
      ...postgresProject(),
    ],
  },
});
