import { defineConfig, devices } from "@playwright/test";

/**
 * Browser journeys against the PRODUCTION build (`npm run build` runs first, see `npm test`),
 * served by scripts/server.ts on a fresh embedded PostgreSQL loaded with the demo territory (DEMO=true:
 * a demo site, so production accepts the demo accounts).
 * Chromium is Debian's (/usr/bin/chromium): `playwright install` cannot download browsers here.
 */
const PORT = 3100;
const APP_URL = `http://localhost:${PORT}`;
const DATA_DIR = ".data/e2e";
const EMBEDDED_PG_PORT = 54341;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: APP_URL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        // Phone first: the journeys run at a phone's size and touch, as on a quay.
        ...devices["Pixel 5"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    // A fresh database every run: the journeys count on the demo territory's stock and outbox.
    command: `rm -rf ${DATA_DIR} && NODE_ENV=production DEMO=true PORT=${PORT} APP_URL=${APP_URL} DATA_DIR=${DATA_DIR} EMBEDDED_PG_PORT=${EMBEDDED_PG_PORT} npx tsx scripts/server.ts`,
    url: APP_URL,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
