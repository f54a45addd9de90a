import { defineConfig, devices } from "@playwright/test";
import { MAIL_CATCHER_DIR } from "./tests/e2e/mailbox";

/**
 * Browser journeys against the PRODUCTION build (`npm run build` runs first, see `npm test`),
 * served by scripts/server.ts on a fresh embedded PostgreSQL loaded with the demo territory (DEMO=true:
 * a demo site, so production accepts the demo accounts).
 * Emails really leave through SMTP, to scripts/mail-catcher.ts, which writes each to a folder: the
 * journeys read one-time links there as the recipient would (decision 015: never in the outbox).
 * Chromium is Debian's (/usr/bin/chromium): `playwright install` cannot download browsers here.
 */
const PORT = 3100;
const APP_URL = `http://localhost:${PORT}`;
const DATA_DIR = ".data/e2e";
const EMBEDDED_PG_PORT = 54341;
/** scripts/mail-catcher.ts: the SMTP server the app sends through; the journeys read its folder (tests/e2e/mailbox.ts). */
const MAIL_CATCHER_PORT = 2599;
/**
 * tests/e2e/stripe-double-server.ts: the local double of the Stripe API the app's SDK talks to; its
 * payment page stands in for Stripe Checkout, and it delivers its signed events to the app's
 * webhook as `stripe listen --forward-to` would. Card payment is on for every journey.
 */
const STRIPE_DOUBLE_PORT = 2598;
const STRIPE_ENV = `STRIPE_SECRET_KEY=sk_test_journeys STRIPE_WEBHOOK_SECRET=whsec_journeyssecret0123456789 STRIPE_API_BASE=http://127.0.0.1:${STRIPE_DOUBLE_PORT}`;

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
  webServer: [
    {
      // Started first, so the app's first emails find it. A fresh folder every run; a reused catcher
      // (a local second run) keeps older emails, which tests/e2e/mailbox.ts ignores: it reads only
      // the emails that arrived after the test run started.
      command: `rm -rf ${MAIL_CATCHER_DIR} && MAIL_CATCHER_PORT=${MAIL_CATCHER_PORT} MAIL_CATCHER_DIR=${MAIL_CATCHER_DIR} npx tsx scripts/mail-catcher.ts`,
      port: MAIL_CATCHER_PORT,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `${STRIPE_ENV} STRIPE_DOUBLE_PORT=${STRIPE_DOUBLE_PORT} STRIPE_DOUBLE_FORWARD_TO=${APP_URL}/webhooks/stripe npx tsx tests/e2e/stripe-double-server.ts`,
      port: STRIPE_DOUBLE_PORT,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // A fresh database every run: the journeys count on the demo territory's stock and outbox.
      command: `rm -rf ${DATA_DIR} && NODE_ENV=production DEMO=true PORT=${PORT} APP_URL=${APP_URL} DATA_DIR=${DATA_DIR} EMBEDDED_PG_PORT=${EMBEDDED_PG_PORT} SMTP_URL=smtp://127.0.0.1:${MAIL_CATCHER_PORT} ${STRIPE_ENV} npx tsx scripts/server.ts`,
      url: APP_URL,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
