import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Absent: the app starts its own embedded PostgreSQL (scripts/server.ts). */
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Public address of the site, used in emailed links. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** smtp://user:pass@host:port — absent: emails stay in the outbox, readable at /admin/outbox. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Terre & Mer <bonjour@terre-et-mer.test>"),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  DATA_DIR: z.string().default(".data"),
  /** App processes per server (scripts/server.ts); absent: one per core in production, one in development. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /**
   * true: this is a demo site. The demo territory is loaded into an empty database, and the demo
   * accounts' published password is accepted in production. Set by `npm run demo` and `npm run dev`;
   * never on by default (docs/decisions/016-demo-only-when-asked-and-graceful-shutdown.md).
   */
  DEMO: z.stringbool().default(false),
  /** Express `trust proxy`: how many proxies (or which addresses) may set X-Forwarded-For. Absent: none. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are cut. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** Whole responses compressed by the app (decision 020): on, as a newcomer runs it without a proxy; `false` where a proxy compresses. */
  COMPRESSION: z.stringbool().default(true),
  /**
   * The home page's map tiles (decision 023): a Leaflet URL template such as
   * `https://tile.example.org/{z}/{x}/{y}.png`, from a server whose terms allow this use. Absent:
   * no tiles, the markers on a plain background (the list works alone anyway).
   */
  MAP_TILE_URL: z.string().regex(/^https?:\/\/\S+$/).optional(),
  /** What the tile server asks to be credited with (e.g. "© OpenStreetMap contributors"), shown on the map. */
  MAP_TILE_ATTRIBUTION: z.string().default(""),
  /**
   * Stripe (issue 11, decision 026). The secret API key, sk_test_… or sk_live_… (or a restricted
   * rk_…). Absent: no card payment, and everything else works as before.
   */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/).optional(),
  /**
   * The signing secret of the webhook endpoint (whsec_…), from the dashboard or `stripe listen`;
   * several separated by commas when the platform's endpoint and the Connect endpoint (account.updated)
   * have their own. Absent: the webhook answers 400 and card payment stays off.
   */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[\w+/=]+(\s*,\s*whsec_[\w+/=]+)*$/).optional(),
  /** Where the Stripe API is reached, for tests and the local test double (http://127.0.0.1:PORT). Absent: api.stripe.com. */
  STRIPE_API_BASE: z.string().url().optional(),
  /**
   * The platform's commission on card-paid sales, in basis points (decision 027 §7): a whole number
   * from 0 to 10000 (250 = 2,5 %), default 0. Taken at each distribution's close from what each
   * producer keeps of each order, rounded down to the cent; a bad value stops the start-up.
   */
  PLATFORM_COMMISSION_BP: z.coerce.number().int().min(0).max(10_000).default(0),
}).superRefine((config, context) => {
  // A live key sent anywhere but Stripe would give it away.
  if (config.STRIPE_API_BASE && config.STRIPE_SECRET_KEY && !/^(sk|rk)_test_/.test(config.STRIPE_SECRET_KEY)) {
    context.addIssue({ code: "custom", path: ["STRIPE_API_BASE"], message: "STRIPE_API_BASE only with a test key" });
  }
  // A live key sends paying customers back to APP_URL (Checkout's return page, a producer's
  // onboarding): never to the default localhost, a loopback address, or plain http.
  if (config.STRIPE_SECRET_KEY && /^(sk|rk)_live_/.test(config.STRIPE_SECRET_KEY)) {
    const site = new URL(config.APP_URL);
    if (site.protocol !== "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(site.hostname)) {
      context.addIssue({ code: "custom", path: ["APP_URL"], message: "a live Stripe key needs the site's public https address in APP_URL" });
    }
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The environment, validated once; a bad value stops the start-up with its name. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Configuration invalide : ${names}`);
  }
  cached = parsed.data;
  return cached;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}
