import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { defineConfig, devices } from '@playwright/test';

import { ports } from './e2e/ports';

// One fresh data directory per run (each server creates its own below it). Workers load this
// file again; the variable set by the first load is inherited, so they agree on it.
process.env.ANALYST_E2E_DATA ??= path.join(os.tmpdir(), `analyst-e2e-${randomUUID()}`);
const dataRoot = process.env.ANALYST_E2E_DATA;
const stubUrl = `http://127.0.0.1:${String(ports.stub)}`;

/** A real server process: its own port and database, the built SPA from apps/web/dist. */
function server(options: { name: string; port: number; env: Record<string, string> }) {
  return {
    name: options.name,
    command: 'node --import tsx apps/server/src/main.ts',
    url: `http://127.0.0.1:${String(options.port)}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATA_DIR: path.join(dataRoot, options.name),
      ANALYST_STUB_DELTA_DELAY_MS: '20',
      ANTHROPIC_API_KEY: '',
      ANTHROPIC_BASE_URL: '',
      ...options.env,
    },
  };
}

// The stand-in model runs as its own process so tests can queue faults on it over HTTP.
const upstream = {
  ANTHROPIC_API_KEY: 'test-key',
  ANTHROPIC_BASE_URL: stubUrl,
  ANALYST_MODEL_MAX_RETRIES: '0',
};

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${String(ports.main)}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    acceptDownloads: true,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      name: 'stub',
      command: 'node --import tsx packages/model-stub/src/main.ts',
      url: `${stubUrl}/_stub/requests`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      env: { PORT: String(ports.stub), MODEL_STUB_DELTA_DELAY_MS: '20' },
    },
    server({ name: 'main', port: ports.main, env: upstream }),
    server({
      name: 'budget',
      port: ports.budget,
      env: { ...upstream, ANALYST_DEFAULT_MONTHLY_BUDGET_USD: '0.0001' },
    }),
    // No API key: the server starts its own stand-in and the app must say so.
    server({ name: 'offline', port: ports.offline, env: {} }),
  ],
});
