import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive the real renderer in Debian's Chromium (the Playwright browser download
// cannot be installed on the build machines, see README.md, "Tests"). The preview
// host is started per worker by tests/e2e/fixtures.ts on a free port with a fresh token, against
// the already-built dist/ (npm test builds first), so no fixed port or token lives here.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Timeouts only catch hangs: on a loaded 2-core machine a step can take many seconds (issue
  // 17), and speed is measured in bench/, never asserted here.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
  },
});
