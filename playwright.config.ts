import { defineConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded browser (see README, Tests). */
export const CHROMIUM_PATH = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/playwright',
  // A ceiling for a hang, not a speed goal: every wait is on the app's own signals. Journeys that
  // check several screens with axe took 45–55 s in a clean clone on two busy cores.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'e2e', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron-app/**/*.spec.ts' },
    // After e2e and alone: the performance score depends on the CPU being free (tests/lighthouse).
    { name: 'lighthouse', testMatch: 'lighthouse/**/*.spec.ts', dependencies: ['e2e'] },
  ],
});
