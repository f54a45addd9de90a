import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { decodeStripeForm, MalformedParameter, type FormObject, type FormValue } from "./form-body";

/*
 * A local test double of the Stripe API (docs/decisions/026): a node:http server that the tests
 * start on a free port and point the real `stripe` SDK at (its host, port and protocol options).
 * It keeps its objects in memory, answers the endpoints the application calls with Stripe's JSON
 * shapes and error shapes, honours Idempotency-Key as Stripe does (same key and same parameters →
 * the first answer again, marked Idempotent-Replayed; other parameters → 400 idempotency_error;
 * the same key while its first request is still running → 409; a request refused by validation
 * is not saved), and records every request so that a test can say "Stripe saw one effect".
 *
 * What a customer or Stripe's own timers do (paying, a declined card, a session expiring, a
 * producer finishing onboarding) are the controls below; each returns the events Stripe would
 * send, which the tests deliver signed, in the order they choose.
 *
 * Endpoints: PaymentIntents create/retrieve/cancel, Checkout Sessions create/retrieve/expire,
 * Charges retrieve, Refunds create, Transfers create and their reversals, Accounts
 * create/retrieve, AccountLinks create, Events retrieve. Anything else answers Stripe's 404
 * "Unrecognized request URL", so a call the double does not know fails loudly.
 */

export type StripeObject = Record<string, unknown> & { id: string; object: string };

export type RecordedRequest = {
  method: string;
  /** The path without the query: "/v1/payment_intents". */
  path: string;
  params: FormObject;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  stripeAccount: string | null;
  status: number;
  /** Answered from the idempotency store: no effect happened. */
  replayed: boolean;
};

export type StripeEventObject = {
  id: string;
  object: "event";
  account?: string;
  api_version: string;
  created: number;
  data: { object: StripeObject; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

export type WebhookDelivery = { eventId: string; type: string; status: number | "failed" };

export type StripeDoubleOptions = {
  /** How long each request takes before it runs (ms): lets a test send a second one while the first is in flight. */
  latencyMs?: number;
  /** The double's clock, in ms (Checkout expiry windows, `created`). */
  now?: () => number;
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string; decline_code?: string },
    /** Stripe saves the answer of a request whose execution began, not of one refused by validation. */
    readonly saved: boolean,
  ) {
    super(body.message);
  }
}

function invalid(message: string, extra: { code?: string; param?: string } = {}, saved = false): ApiError {
  return new ApiError(400, { type: "invalid_request_error", message, ...extra }, saved);
}

function missing(kind: string, id: string, param?: string): ApiError {
  return new ApiError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, ...(param ? { param } : {}) }, false);
}

function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

function stringParam(params: FormObject, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`Invalid string: ${name}`, { param: name });
  return value;
}

function requiredString(params: FormObject, name: string): string {
  const value = stringParam(params, name);
  if (value === undefined || value === "") throw invalid(`Missing required param: ${name}.`, { code: "parameter_missing", param: name });
  return value;
}

function integerParam(params: FormObject, name: string): number | undefined {
  const value = stringParam(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${value}`, { param: name });
  return Number(value);
}

function objectParam(params: FormObject, name: string): FormObject {
  const value = params[name];
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`Invalid object`, { param: name });
  return value;
}

/** Metadata: at most 50 keys, keys up to 40 characters, values up to 500 (Stripe's limits). */
function metadataParam(params: FormObject, name = "metadata"): Record<string, string> {
  const metadata = objectParam(params, name);
  const entries = Object.entries(metadata);
  if (entries.length > 50) throw invalid("Invalid metadata: metadata can have up to 50 keys.", { param: name });
  for (const [key, value] of entries) {
    if (typeof value !== "string") throw invalid(`Invalid string: ${name}[${key}]`, { param: `${name}[${key}]` });
    if (key.length > 40) throw invalid(`Invalid metadata: keys can be up to 40 characters long.`, { param: `${name}[${key}]` });
    if (value.length > 500) throw invalid(`Invalid metadata: values can be up to 500 characters long.`, { param: `${name}[${key}]` });
  }
  return Object.fromEntries(entries.filter(([, value]) => value !== "")) as Record<string, string>;
}

function currencyParam(params: FormObject, name = "currency"): string {
  const currency = requiredString(params, name).toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalid(`Invalid currency: ${currency}.`, { param: name });
  return currency;
}

/** Stripe's minimum charge for the currencies the project uses. */
function checkChargeAmount(amount: number, currency: string, param: string): void {
  const minimum = currency === "eur" || currency === "usd" ? 50 : 1;
  if (amount < minimum) throw invalid(`Amount must be at least ${(minimum / 100).toFixed(2)} ${currency}`, { code: "amount_too_small", param });
}

/** Parameters in one canonical order, to compare a repeated idempotent request with the first. */
function fingerprint(method: string, path: string, params: FormValue): string {
  const canonical = (value: FormValue): unknown =>
    typeof value === "string" ? value : Array.isArray(value) ? value.map(canonical) : Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key]!)]));
  return `${method} ${path} ${JSON.stringify(canonical(params))}`;
}

type SavedAnswer = { fingerprint: string; status: number; body: string; requestId: string } | { fingerprint: string; inProgress: true };

type Route = { method: "GET" | "POST"; pattern: RegExp; run: (params: FormObject, match: RegExpExecArray, context: { requestId: string; idempotencyKey: string | null }) => { status?: number; body: StripeObject } };

export class StripeDouble {
  readonly requests: RecordedRequest[] = [];
  readonly events: StripeEventObject[] = [];
  readonly paymentIntents = new Map<string, StripeObject>();
  readonly charges = new Map<string, StripeObject>();
  readonly checkoutSessions = new Map<string, StripeObject>();
  readonly refunds = new Map<string, StripeObject>();
  readonly transfers = new Map<string, StripeObject>();
  readonly accounts = new Map<string, StripeObject>();
  readonly accountLinks: StripeObject[] = [];
  /** Each charge's balance transaction: Stripe's fee and when its funds are available. */
  readonly balanceTransactions = new Map<string, StripeObject>();

  private readonly idempotency = new Map<string, SavedAnswer>();
  private responsesToDrop = 0;
  /** Only answers to this request ("POST /v1/refunds") are dropped, when set. */
  private dropOnly: string | null = null;
  private readonly routes: Route[];
  private readonly server = createServer((request, response) => {
    void this.handle(request, response);
  });
  private readonly latencyMs: number;
  private forwarding: { url: string; secret: string } | null = null;
  private deliveryChain: Promise<void> = Promise.resolve();
  /** Every delivery made by forwardEventsTo, in order. */
  readonly deliveries: WebhookDelivery[] = [];
  private readonly clock: () => number;
  /** The API version the SDK pins; events are rendered in it, as for an endpoint created at that version. */
  readonly apiVersion = Stripe.API_VERSION;
  host = "127.0.0.1";
  port = 0;

  constructor(options: StripeDoubleOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.clock = options.now ?? Date.now;
    this.routes = this.makeRoutes();
  }

  /** http://127.0.0.1:PORT: the value of STRIPE_API_BASE. */
  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** On a free port, or on `port` (the journeys' double, scripts of tests/e2e). */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, this.host, resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** The requests that reached an endpoint (`POST /v1/refunds`), replays included. */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.path === path);
  }

  /** While true, every API request is answered 503 before it runs (Stripe unreachable): nothing is made. */
  unavailable = false;

  /**
   * The platform's available balance in euros, in cents (GET /v1/balance): a transfer without
   * `source_transaction` draws on it and is refused `balance_insufficient` beyond it, as at Stripe.
   * null (the default): unlimited.
   */
  availableBalanceCents: number | null = null;

  /** Stripe forgets idempotency keys after 24 hours: a retry a day later is a new request. */
  forgetIdempotencyKeys(): void {
    this.idempotency.clear();
  }

  /**
   * The next `count` answers are lost after their request ran (the connection is cut): a network
   * failure after the effect. With `only`, just the answers to that request, replays included.
   */
  dropNextResponses(count: number, only?: { method: string; path: string }): void {
    this.responsesToDrop += count;
    this.dropOnly = only ? `${only.method} ${only.path}` : null;
  }

  /** Stripe's signed delivery of an event: the exact body it sends and its Stripe-Signature header. */
  signedDelivery(event: StripeEventObject, secret: string, options: { timestamp?: number } = {}): { payload: string; signature: string } {
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }) });
    return { payload, signature };
  }

  /** An event as Stripe builds it around a snapshot of an object; kept in `events`. */
  event(type: string, object: StripeObject, extra: { account?: string; previousAttributes?: Record<string, unknown>; requestId?: string | null; idempotencyKey?: string | null } = {}): StripeEventObject {
    const event: StripeEventObject = {
      id: randomId("evt"),
      object: "event",
      ...(extra.account ? { account: extra.account } : {}),
      api_version: this.apiVersion,
      created: this.seconds(),
      data: { object: structuredClone(object), ...(extra.previousAttributes ? { previous_attributes: extra.previousAttributes } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: extra.requestId ?? null, idempotency_key: extra.idempotencyKey ?? null },
      type,
    };
    this.events.push(event);
    if (this.forwarding) this.queueDelivery(event, this.forwarding);
    return event;
  }

  /**
   * Sends every event made from now on to `url`, signed with `secret`, one after the other in the
   * order they happened — as `stripe listen --forward-to` does. `deliveriesSettled()` waits for them.
   */
  forwardEventsTo(url: string, secret: string): void {
    this.forwarding = { url, secret };
  }

  /** Resolves once every event queued so far has been delivered (or failed to be). */
  deliveriesSettled(): Promise<void> {
    return this.deliveryChain;
  }

  private queueDelivery(event: StripeEventObject, target: { url: string; secret: string }): void {
    this.deliveryChain = this.deliveryChain.then(async () => {
      const { payload, signature } = this.signedDelivery(event, target.secret);
      try {
        const response = await fetch(target.url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" }, body: payload });
        await response.arrayBuffer();
        this.deliveries.push({ eventId: event.id, type: event.type, status: response.status });
      } catch {
        this.deliveries.push({ eventId: event.id, type: event.type, status: "failed" });
      }
    });
  }

  // ---- What customers and Stripe's timers do -------------------------------------------------

  /** The customer pays: the PaymentIntent succeeds with a charge of its whole amount. */
  succeedPaymentIntent(id: string): StripeEventObject[] {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw new Error(`double: no PaymentIntent ${id}`);
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(String(intent.status))) {
      throw new Error(`double: PaymentIntent ${id} cannot succeed from ${String(intent.status)}`);
    }
    const charge = this.createCharge(intent);
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: charge.id, payment_method: randomId("pm"), last_payment_error: null });
    return [this.event("charge.succeeded", charge), this.event("payment_intent.succeeded", intent)];
  }

  /** The customer's card is declined: the PaymentIntent waits for another payment method. */
  failPaymentIntent(id: string): StripeEventObject[] {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw new Error(`double: no PaymentIntent ${id}`);
    Object.assign(intent, {
      status: "requires_payment_method",
      last_payment_error: { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
    });
    return [this.event("payment_intent.payment_failed", intent)];
  }

  /** The customer pays on the Checkout page: a succeeded PaymentIntent, then the session completed. */
  completeCheckoutSession(id: string): StripeEventObject[] {
    const session = this.checkoutSessions.get(id);
    if (!session) throw new Error(`double: no Checkout Session ${id}`);
    if (session.status !== "open") throw new Error(`double: Checkout Session ${id} is ${String(session.status)}`);
    if (Number(session.expires_at) <= this.seconds()) throw new Error(`double: Checkout Session ${id} has expired`);
    const intentData = (session.payment_intent_data ?? {}) as { metadata?: Record<string, string>; transfer_group?: string | null };
    const intent = this.createPaymentIntent({
      amount: Number(session.amount_total),
      currency: String(session.currency),
      metadata: intentData.metadata ?? {},
      transfer_group: intentData.transfer_group ?? null,
    });
    const events = this.succeedPaymentIntent(intent.id);
    Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: intent.id });
    return [...events, this.event("checkout.session.completed", this.publicSession(session))];
  }

  /** Stripe's timer: an open session past its expires_at expires. */
  expireCheckoutSessionByTime(id: string): StripeEventObject[] {
    const session = this.checkoutSessions.get(id);
    if (!session || session.status !== "open") throw new Error(`double: no open Checkout Session ${id}`);
    Object.assign(session, { status: "expired" });
    return [this.event("checkout.session.expired", this.publicSession(session))];
  }

  /** The producer finishes Connect onboarding: transfers become possible. */
  completeOnboarding(accountId: string): StripeEventObject[] {
    const account = this.accounts.get(accountId);
    if (!account) throw new Error(`double: no account ${accountId}`);
    Object.assign(account, {
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { ...(account.capabilities as object), transfers: "active" },
      requirements: { currently_due: [], eventually_due: [], past_due: [], pending_verification: [], disabled_reason: null },
    });
    return [this.event("account.updated", account, { account: accountId })];
  }

  // ---- The HTTP side ------------------------------------------------------------------------

  private seconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", this.url);
    const method = request.method ?? "GET";
    const requestId = randomId("req");
    const idempotencyKey = header(request, "idempotency-key");
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      params: {},
      idempotencyKey,
      stripeVersion: header(request, "stripe-version"),
      stripeAccount: header(request, "stripe-account"),
      status: 0,
      replayed: false,
    };
    this.requests.push(record);
    if (url.pathname.startsWith("/c/pay/")) {
      this.paymentPage(method, url.pathname, response);
      record.status = response.statusCode;
      return;
    }
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      response.writeHead(status, { "content-type": "application/json", "request-id": requestId, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}), ...headers });
      response.end(body);
    };
    const error = (failure: ApiError) => answer(failure.status, JSON.stringify({ error: { ...failure.body, request_log_url: `${this.url}/logs/${requestId}` } }, null, 2));

    if (this.unavailable) {
      error(new ApiError(503, { type: "api_error", message: "The double is unavailable (a Stripe outage)." }, false));
      return;
    }
    const apiKey = bearerKey(request);
    if (!apiKey) {
      error(new ApiError(401, { type: "invalid_request_error", message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')." }, false));
      return;
    }
    if (!/^(sk|rk)_test_\w+$/.test(apiKey)) {
      error(new ApiError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${apiKey.slice(0, 8)}****` }, false));
      return;
    }
    try {
      record.params = decodeStripeForm(method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8"));
    } catch (failure) {
      if (failure instanceof MalformedParameter) {
        error(invalid(failure.message));
        return;
      }
      throw failure;
    }
    const route = this.routes.map((candidate) => ({ candidate, match: candidate.method === method ? candidate.pattern.exec(url.pathname) : null })).find(({ match }) => match);
    if (!route) {
      error(new ApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` }, false));
      return;
    }

    // Idempotency (POST only, as Stripe): keys are scoped to the API key and the connected account.
    const scope = method === "POST" && idempotencyKey ? `${apiKey}|${record.stripeAccount ?? ""}|${idempotencyKey}` : null;
    const print = fingerprint(method, url.pathname, record.params);
    if (scope) {
      if (idempotencyKey!.length > 255) {
        error(invalid("Idempotency-Key must be at most 255 characters long."));
        return;
      }
      const saved = this.idempotency.get(scope);
      if (saved && "inProgress" in saved) {
        error(new ApiError(409, { type: "idempotency_error", message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${idempotencyKey}. Please try again later.` }, false));
        return;
      }
      if (saved && saved.fingerprint !== print) {
        error(new ApiError(400, { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.` }, false));
        return;
      }
      if (saved) {
        record.replayed = true;
        // A scoped drop (dropNextResponses(n, { method, path })) cuts replays too: the SDK's own
        // retries are lost as well, as when the worker that sent them is killed.
        if (this.responsesToDrop > 0 && this.dropOnly === `${method} ${url.pathname}`) {
          this.responsesToDrop -= 1;
          record.status = saved.status;
          response.socket?.destroy();
          return;
        }
        answer(saved.status, saved.body, { "idempotent-replayed": "true", "original-request": saved.requestId });
        return;
      }
      this.idempotency.set(scope, { fingerprint: print, inProgress: true });
    }
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    let status: number;
    let body: string;
    let keep: boolean;
    try {
      const result = route.candidate.run(record.params, route.match!, { requestId, idempotencyKey });
      status = result.status ?? 200;
      body = JSON.stringify(result.body, null, 2);
      keep = true;
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      status = failure.status;
      body = JSON.stringify({ error: { ...failure.body, request_log_url: `${this.url}/logs/${requestId}` } }, null, 2);
      keep = failure.saved;
    }
    if (scope) {
      if (keep) this.idempotency.set(scope, { fingerprint: print, status, body, requestId });
      else this.idempotency.delete(scope);
    }
    if (this.responsesToDrop > 0 && (this.dropOnly === null || this.dropOnly === `${method} ${url.pathname}`)) {
      this.responsesToDrop -= 1;
      record.status = status;
      response.socket?.destroy();
      return;
    }
    answer(status, body);
  }

  // ---- Checkout's hosted page, as the customer's browser sees it ---------------------------

  /**
   * GET /c/pay/:id: the stand-in for Stripe's payment page (the journeys' browser lands here from
   * the session's `url`). « Payer » completes the session and goes to success_url; « Retour »
   * goes to cancel_url, the session still open, as on Stripe.
   */
  private paymentPage(method: string, path: string, response: ServerResponse): void {
    const [, , , id, action] = path.split("/");
    const session = id ? this.checkoutSessions.get(id) : undefined;
    const html = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Paiement (double de Stripe)</title></head><body style="font-family:sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`);
    };
    if (!session) return html(404, "<h1>Session de paiement introuvable</h1>");
    if (method === "POST" && action === "pay") {
      if (session.status !== "open" || Number(session.expires_at) <= this.seconds()) return html(410, "<h1>Cette session de paiement a expiré</h1>");
      this.completeCheckoutSession(session.id);
      response.writeHead(303, { location: String(session.success_url).replaceAll("{CHECKOUT_SESSION_ID}", session.id) });
      response.end();
      return;
    }
    if (session.status !== "open") return html(410, "<h1>Cette session de paiement n'est plus ouverte</h1>");
    const euros = (Number(session.amount_total) / 100).toFixed(2).replace(".", ",");
    const back = session.cancel_url ? `<p><a href="${escapeHtml(String(session.cancel_url))}" style="display:inline-block;min-height:44px;line-height:44px">Retour</a></p>` : "";
    html(
      200,
      `<main><h1>Payer ${euros} €</h1><p>Carte de test 4242 4242 4242 4242</p><form method="post" action="/c/pay/${session.id}/pay"><button type="submit" style="min-height:44px;padding:0 1.5rem">Payer</button></form>${back}</main>`,
    );
  }

  // ---- The endpoints ------------------------------------------------------------------------

  private makeRoutes(): Route[] {
    const id = "([A-Za-z0-9_]+)";
    return [
      { method: "POST", pattern: /^\/v1\/payment_intents$/, run: (params, _match, context) => this.paymentIntentCreate(params, context) },
      { method: "GET", pattern: new RegExp(`^/v1/payment_intents/${id}$`), run: (_params, match) => ({ body: this.found(this.paymentIntents, "payment_intent", match[1]!, "intent") }) },
      { method: "POST", pattern: new RegExp(`^/v1/payment_intents/${id}/cancel$`), run: (params, match, context) => this.paymentIntentCancel(match[1]!, params, context) },
      { method: "GET", pattern: new RegExp(`^/v1/charges/${id}$`), run: (_params, match) => ({ body: this.found(this.charges, "charge", match[1]!, "charge") }) },
      { method: "GET", pattern: new RegExp(`^/v1/balance_transactions/${id}$`), run: (_params, match) => ({ body: this.found(this.balanceTransactions, "balance_transaction", match[1]!, "id") }) },
      { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, run: (params) => this.checkoutSessionCreate(params) },
      { method: "GET", pattern: new RegExp(`^/v1/checkout/sessions/${id}$`), run: (_params, match) => ({ body: this.publicSession(this.found(this.checkoutSessions, "checkout.session", match[1]!, "session")) }) },
      { method: "POST", pattern: new RegExp(`^/v1/checkout/sessions/${id}/expire$`), run: (_params, match, context) => this.checkoutSessionExpire(match[1]!, context) },
      { method: "POST", pattern: /^\/v1\/refunds$/, run: (params, _match, context) => this.refundCreate(params, context) },
      { method: "GET", pattern: /^\/v1\/refunds$/, run: (params) => this.refundList(params) },
      { method: "POST", pattern: /^\/v1\/transfers$/, run: (params) => this.transferCreate(params) },
      { method: "GET", pattern: /^\/v1\/transfers$/, run: (params) => this.transferList(params) },
      { method: "GET", pattern: /^\/v1\/balance$/, run: () => this.balance() },
      { method: "GET", pattern: new RegExp(`^/v1/transfers/${id}$`), run: (_params, match) => ({ body: this.publicTransfer(this.found(this.transfers, "transfer", match[1]!, "transfer")) }) },
      { method: "GET", pattern: new RegExp(`^/v1/transfers/${id}/reversals$`), run: (params, match) => this.transferReversalList(match[1]!, params) },
      { method: "POST", pattern: new RegExp(`^/v1/transfers/${id}/reversals$`), run: (params, match, context) => this.transferReversalCreate(match[1]!, params, context) },
      { method: "POST", pattern: /^\/v1\/accounts$/, run: (params) => this.accountCreate(params) },
      { method: "GET", pattern: new RegExp(`^/v1/accounts/${id}$`), run: (_params, match) => ({ body: this.found(this.accounts, "account", match[1]!, "account") }) },
      { method: "POST", pattern: /^\/v1\/account_links$/, run: (params) => this.accountLinkCreate(params) },
      { method: "GET", pattern: new RegExp(`^/v1/events/${id}$`), run: (_params, match) => ({ body: this.eventById(match[1]!) }) },
    ];
  }

  private found(store: Map<string, StripeObject>, kind: string, id: string, param: string): StripeObject {
    const object = store.get(id);
    if (!object) throw missing(kind, id, param);
    return object;
  }

  private eventById(id: string): StripeObject {
    const event = this.events.find((candidate) => candidate.id === id);
    if (!event) throw missing("event", id, "id");
    return event as unknown as StripeObject;
  }

  private createPaymentIntent(fields: { amount: number; currency: string; metadata: Record<string, string>; transfer_group: string | null; capture_method?: string; description?: string | null; setup_future_usage?: string | null; customer?: string | null; receipt_email?: string | null }): StripeObject {
    const id = randomId("pi");
    const intent: StripeObject = {
      id,
      object: "payment_intent",
      amount: fields.amount,
      amount_capturable: 0,
      amount_received: 0,
      application_fee_amount: null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: fields.capture_method ?? "automatic_async",
      client_secret: `${id}_secret_${randomBytes(12).toString("hex")}`,
      confirmation_method: "automatic",
      created: this.seconds(),
      currency: fields.currency,
      customer: fields.customer ?? null,
      description: fields.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: fields.metadata,
      on_behalf_of: null,
      payment_method: null,
      payment_method_types: ["card"],
      receipt_email: fields.receipt_email ?? null,
      setup_future_usage: fields.setup_future_usage ?? null,
      status: "requires_payment_method",
      transfer_data: null,
      transfer_group: fields.transfer_group,
    };
    this.paymentIntents.set(id, intent);
    return intent;
  }

  private createCharge(intent: StripeObject): StripeObject {
    const chargeId = randomId("ch");
    const amount = Number(intent.amount);
    // Stripe's standard rate for cards of the European Economic Area: 1.5 % + 0.25 €; the funds of a
    // card charge are available 7 days later (France's standard payout schedule).
    const fee = stripeCardFeeCents(amount);
    const transaction: StripeObject = {
      id: randomId("txn"),
      object: "balance_transaction",
      amount,
      available_on: this.seconds() + 7 * 24 * 3600,
      created: this.seconds(),
      currency: intent.currency,
      fee,
      fee_details: [{ amount: fee, currency: intent.currency, description: "Stripe processing fees", type: "stripe_fee" }],
      net: amount - fee,
      reporting_category: "charge",
      source: chargeId,
      status: "pending",
      type: "charge",
    };
    this.balanceTransactions.set(String(transaction.id), transaction);
    const charge: StripeObject = {
      id: chargeId,
      object: "charge",
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      balance_transaction: transaction.id,
      captured: true,
      created: this.seconds(),
      currency: intent.currency,
      livemode: false,
      metadata: intent.metadata,
      paid: true,
      payment_intent: intent.id,
      refunded: false,
      status: "succeeded",
      transfer_group: intent.transfer_group,
    };
    this.charges.set(charge.id, charge);
    return charge;
  }

  private paymentIntentCreate(params: FormObject, context: { requestId: string; idempotencyKey: string | null }) {
    const amount = integerParam(params, "amount");
    if (amount === undefined) throw invalid("Missing required param: amount.", { code: "parameter_missing", param: "amount" });
    const currency = currencyParam(params);
    checkChargeAmount(amount, currency, "amount");
    const captureMethod = stringParam(params, "capture_method");
    if (captureMethod !== undefined && !["automatic", "automatic_async", "manual"].includes(captureMethod)) throw invalid(`Invalid capture_method: must be one of automatic, automatic_async, or manual`, { param: "capture_method" });
    const setupFutureUsage = stringParam(params, "setup_future_usage");
    if (setupFutureUsage !== undefined && !["on_session", "off_session"].includes(setupFutureUsage)) throw invalid(`Invalid setup_future_usage: must be one of on_session or off_session`, { param: "setup_future_usage" });
    const intent = this.createPaymentIntent({
      amount,
      currency,
      metadata: metadataParam(params),
      transfer_group: stringParam(params, "transfer_group") ?? null,
      ...(captureMethod ? { capture_method: captureMethod } : {}),
      description: stringParam(params, "description") ?? null,
      setup_future_usage: setupFutureUsage ?? null,
      customer: stringParam(params, "customer") ?? null,
      receipt_email: stringParam(params, "receipt_email") ?? null,
    });
    this.event("payment_intent.created", intent, context);
    return { body: intent };
  }

  private paymentIntentCancel(id: string, params: FormObject, context: { requestId: string; idempotencyKey: string | null }) {
    const intent = this.found(this.paymentIntents, "payment_intent", id, "intent");
    const reason = stringParam(params, "cancellation_reason");
    if (reason !== undefined && !["abandoned", "duplicate", "fraudulent", "requested_by_customer"].includes(reason)) {
      throw invalid("Invalid cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer, or abandoned", { param: "cancellation_reason" });
    }
    const cancellable = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"];
    if (!cancellable.includes(String(intent.status))) {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${String(intent.status)}. Only a PaymentIntent with one of the following statuses may be canceled: ${cancellable.join(", ")}.`,
        { code: "payment_intent_unexpected_state" },
        true,
      );
    }
    Object.assign(intent, { status: "canceled", canceled_at: this.seconds(), cancellation_reason: reason ?? null });
    this.event("payment_intent.canceled", intent, context);
    return { body: intent };
  }

  private checkoutSessionCreate(params: FormObject) {
    const mode = requiredString(params, "mode");
    if (mode !== "payment") throw invalid(`The double supports mode=payment only (got ${mode}).`, { param: "mode" });
    const uiMode = stringParam(params, "ui_mode") ?? "hosted";
    if (uiMode === "hosted") requiredString(params, "success_url");
    else requiredString(params, "return_url");
    const rawItems = params.line_items;
    if (!Array.isArray(rawItems) || rawItems.length === 0) throw invalid("Missing required param: line_items.", { code: "parameter_missing", param: "line_items" });
    let currency: string | undefined;
    let total = 0;
    const lineItems = rawItems.map((raw, index) => {
      if (typeof raw !== "object" || Array.isArray(raw)) throw invalid("Invalid object", { param: `line_items[${index}]` });
      if (raw.price !== undefined) throw missing("price", String(raw.price), `line_items[${index}][price]`);
      const priceData = objectParam(raw, "price_data");
      const itemCurrency = currencyParam(priceData);
      const unitAmount = integerParam(priceData, "unit_amount");
      if (unitAmount === undefined || unitAmount < 0) throw invalid("Missing required param: line_items[0][price_data][unit_amount].", { code: "parameter_missing", param: `line_items[${index}][price_data][unit_amount]` });
      const quantity = integerParam(raw, "quantity");
      if (quantity === undefined || quantity < 1) throw invalid("Missing required param: line_items[0][quantity].", { code: "parameter_missing", param: `line_items[${index}][quantity]` });
      const name = requiredString(objectParam(priceData, "product_data"), "name");
      if (currency !== undefined && currency !== itemCurrency) throw invalid("Checkout does not support multiple currencies.", { param: `line_items[${index}][price_data][currency]` });
      currency = itemCurrency;
      total += unitAmount * quantity;
      return { name, unit_amount: unitAmount, quantity, currency: itemCurrency };
    });
    checkChargeAmount(total, currency!, "line_items");
    const created = this.seconds();
    const expiresAt = integerParam(params, "expires_at") ?? created + 24 * 3600;
    if (expiresAt < created + 30 * 60) throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", { param: "expires_at" });
    if (expiresAt > created + 24 * 3600) throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", { param: "expires_at" });
    const intentData = objectParam(params, "payment_intent_data");
    const id = `cs_test_${randomBytes(24).toString("hex")}`;
    const session: StripeObject = {
      id,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: stringParam(params, "cancel_url") ?? null,
      client_reference_id: stringParam(params, "client_reference_id") ?? null,
      created,
      currency,
      customer_email: stringParam(params, "customer_email") ?? null,
      expires_at: expiresAt,
      livemode: false,
      metadata: metadataParam(params),
      mode,
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      success_url: stringParam(params, "success_url") ?? null,
      return_url: stringParam(params, "return_url") ?? null,
      ui_mode: uiMode,
      url: uiMode === "hosted" ? `${this.url}/c/pay/${id}` : null,
      // Kept for the payment, not shown: Stripe does not return these on the session either.
      line_items_internal: lineItems,
      payment_intent_data: { metadata: metadataParam(intentData), transfer_group: stringParam(intentData, "transfer_group") ?? null },
    };
    this.checkoutSessions.set(id, session);
    return { body: this.publicSession(session) };
  }

  private publicSession(session: StripeObject): StripeObject {
    const { line_items_internal: _lines, payment_intent_data: _intentData, ...shown } = session;
    return shown as StripeObject;
  }

  private checkoutSessionExpire(id: string, context: { requestId: string; idempotencyKey: string | null }) {
    const session = this.found(this.checkoutSessions, "checkout.session", id, "session");
    if (session.status !== "open") throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`, {}, true);
    Object.assign(session, { status: "expired" });
    const shown = this.publicSession(session);
    this.event("checkout.session.expired", shown, context);
    return { body: shown };
  }

  /** GET /v1/refunds?payment_intent=…: newest first, as Stripe lists them (one page: limit ≤ 100). */
  private refundList(params: FormObject) {
    const intentId = stringParam(params, "payment_intent");
    const limit = Math.min(integerParam(params, "limit") ?? 10, 100);
    const all = [...this.refunds.values()].filter((refund) => !intentId || refund.payment_intent === intentId).reverse();
    return { body: { id: "list", object: "list", data: all.slice(0, limit), has_more: all.length > limit, url: "/v1/refunds" } as unknown as StripeObject };
  }

  private refundCreate(params: FormObject, context: { requestId: string; idempotencyKey: string | null }) {
    const intentId = stringParam(params, "payment_intent");
    const chargeId = stringParam(params, "charge");
    if (!intentId && !chargeId) throw invalid("One of the following params should be provided for this request: payment_intent or charge.");
    let charge: StripeObject;
    if (chargeId) {
      charge = this.found(this.charges, "charge", chargeId, "charge");
    } else {
      const intent = this.found(this.paymentIntents, "payment_intent", intentId!, "payment_intent");
      if (!intent.latest_charge || intent.status !== "succeeded") throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { param: "payment_intent" }, true);
      charge = this.charges.get(String(intent.latest_charge))!;
    }
    const reason = stringParam(params, "reason");
    if (reason !== undefined && !["duplicate", "fraudulent", "requested_by_customer"].includes(reason)) throw invalid("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", { param: "reason" });
    const remaining = Number(charge.amount) - Number(charge.amount_refunded);
    if (remaining === 0) throw invalid(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" }, true);
    const amount = integerParam(params, "amount") ?? remaining;
    if (amount < 1) throw invalid("Invalid positive integer", { param: "amount" });
    if (amount > remaining) {
      throw invalid(`Refund amount (${(amount / 100).toFixed(2)} ${String(charge.currency)}) is greater than unrefunded amount on charge (${(remaining / 100).toFixed(2)} ${String(charge.currency)})`, { param: "amount" }, true);
    }
    const refund: StripeObject = {
      id: randomId("re"),
      object: "refund",
      amount,
      balance_transaction: randomId("txn"),
      charge: charge.id,
      created: this.seconds(),
      currency: charge.currency,
      metadata: metadataParam(params),
      payment_intent: charge.payment_intent,
      reason: reason ?? null,
      status: "succeeded",
      transfer_reversal: null,
    };
    this.refunds.set(refund.id, refund);
    const refunded = Number(charge.amount_refunded) + amount;
    Object.assign(charge, { amount_refunded: refunded, refunded: refunded === Number(charge.amount) });
    this.event("refund.created", refund, context);
    this.event("charge.refunded", charge, { ...context, previousAttributes: { amount_refunded: refunded - amount } });
    return { body: refund };
  }

  private balance() {
    const available = this.availableBalanceCents ?? 1_000_000_000;
    return { body: { object: "balance", livemode: false, available: [{ amount: available, currency: "eur", source_types: { card: available } }], pending: [{ amount: 0, currency: "eur", source_types: { card: 0 } }] } as unknown as StripeObject };
  }

  /** GET /v1/transfers?transfer_group=…: newest first, as Stripe lists them (one page: limit ≤ 100). */
  private transferList(params: FormObject) {
    const group = stringParam(params, "transfer_group");
    const destination = stringParam(params, "destination");
    const limit = Math.min(integerParam(params, "limit") ?? 10, 100);
    const all = [...this.transfers.values()].filter((transfer) => (!group || transfer.transfer_group === group) && (!destination || transfer.destination === destination)).reverse();
    return { body: { id: "list", object: "list", data: all.slice(0, limit), has_more: all.length > limit, url: "/v1/transfers" } as unknown as StripeObject };
  }

  private transferCreate(params: FormObject) {
    const amount = integerParam(params, "amount");
    if (amount === undefined) throw invalid("Missing required param: amount.", { code: "parameter_missing", param: "amount" });
    if (amount < 1) throw invalid("Invalid positive integer", { param: "amount" });
    const currency = currencyParam(params);
    const destination = requiredString(params, "destination");
    const account = this.accounts.get(destination);
    if (!account) throw invalid(`No such destination: '${destination}'`, { code: "resource_missing", param: "destination" });
    if ((account.capabilities as Record<string, string> | undefined)?.transfers !== "active") {
      throw invalid(
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
        { code: "insufficient_capabilities_for_transfer", param: "destination" },
        true,
      );
    }
    const sourceTransaction = stringParam(params, "source_transaction");
    if (sourceTransaction) {
      const charge = this.found(this.charges, "charge", sourceTransaction, "source_transaction");
      const alreadyTransferred = [...this.transfers.values()].filter((transfer) => transfer.source_transaction === sourceTransaction).reduce((sum, transfer) => sum + Number(transfer.amount), 0);
      if (alreadyTransferred + amount > Number(charge.amount)) {
        throw invalid("The transfer amount exceeds the amount of the source transaction that is available to transfer.", { code: "balance_insufficient", param: "amount" }, true);
      }
    } else if (this.availableBalanceCents !== null) {
      if (amount > this.availableBalanceCents) {
        throw invalid("You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Top-ups.", { code: "balance_insufficient", param: "amount" }, true);
      }
      this.availableBalanceCents -= amount;
    }
    const id = randomId("tr");
    const transfer: StripeObject = {
      id,
      object: "transfer",
      amount,
      amount_reversed: 0,
      balance_transaction: randomId("txn"),
      created: this.seconds(),
      currency,
      description: stringParam(params, "description") ?? null,
      destination,
      destination_payment: randomId("py"),
      livemode: false,
      metadata: metadataParam(params),
      reversals: { object: "list", data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
      reversed: false,
      source_transaction: sourceTransaction ?? null,
      source_type: "card",
      transfer_group: stringParam(params, "transfer_group") ?? null,
    };
    this.transfers.set(id, transfer);
    return { body: transfer };
  }

  /** As Stripe renders a transfer: its embedded reversals list holds the 10 newest only (has_more beyond). */
  private publicTransfer(transfer: StripeObject): StripeObject {
    const list = transfer.reversals as { data: StripeObject[]; total_count: number; url: string };
    const newest = [...list.data].reverse();
    return { ...transfer, reversals: { ...list, data: newest.slice(0, 10), has_more: newest.length > 10 } };
  }

  /** GET /v1/transfers/:id/reversals: newest first, `limit` (≤ 100) and `starting_after`, as Stripe pages a list. */
  private transferReversalList(transferId: string, params: FormObject) {
    const transfer = this.found(this.transfers, "transfer", transferId, "id");
    const limit = Math.min(integerParam(params, "limit") ?? 10, 100);
    const newest = [...(transfer.reversals as { data: StripeObject[] }).data].reverse();
    const after = stringParam(params, "starting_after");
    const from = after ? newest.findIndex((reversal) => reversal.id === after) + 1 : 0;
    const page = newest.slice(from, from + limit);
    return { body: { object: "list", data: page, has_more: from + limit < newest.length, url: `/v1/transfers/${transferId}/reversals` } as unknown as StripeObject };
  }

  private transferReversalCreate(transferId: string, params: FormObject, context: { requestId: string; idempotencyKey: string | null }) {
    const transfer = this.found(this.transfers, "transfer", transferId, "id");
    const remaining = Number(transfer.amount) - Number(transfer.amount_reversed);
    const amount = integerParam(params, "amount") ?? remaining;
    if (amount < 1) throw invalid("Invalid positive integer", { param: "amount" });
    if (amount > remaining) throw invalid(`You cannot reverse more than the remaining amount of this transfer (${remaining}).`, { param: "amount" }, true);
    const reversal: StripeObject = {
      id: randomId("trr"),
      object: "transfer_reversal",
      amount,
      balance_transaction: randomId("txn"),
      created: this.seconds(),
      currency: transfer.currency,
      destination_payment_refund: randomId("pyr"),
      metadata: metadataParam(params),
      source_refund: null,
      transfer: transfer.id,
    };
    const reversed = Number(transfer.amount_reversed) + amount;
    const list = transfer.reversals as { data: StripeObject[]; total_count: number };
    list.data.push(reversal);
    list.total_count += 1;
    Object.assign(transfer, { amount_reversed: reversed, reversed: reversed === Number(transfer.amount) });
    this.event("transfer.reversed", transfer, context);
    return { body: reversal };
  }

  private accountCreate(params: FormObject) {
    const type = stringParam(params, "type");
    if (type !== undefined && !["custom", "express", "standard"].includes(type)) throw invalid("Invalid type: must be one of custom, express, or standard", { param: "type" });
    const requested = objectParam(params, "capabilities");
    const capabilities = Object.fromEntries(Object.keys(requested).map((name) => [name, "inactive"]));
    const id = `acct_${randomBytes(8).toString("hex")}`;
    const account: StripeObject = {
      id,
      object: "account",
      business_type: stringParam(params, "business_type") ?? null,
      capabilities,
      charges_enabled: false,
      country: (stringParam(params, "country") ?? "FR").toUpperCase(),
      created: this.seconds(),
      default_currency: "eur",
      details_submitted: false,
      email: stringParam(params, "email") ?? null,
      metadata: metadataParam(params),
      payouts_enabled: false,
      requirements: { currently_due: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"], eventually_due: [], past_due: [], pending_verification: [], disabled_reason: "requirements.past_due" },
      type: type ?? "express",
    };
    this.accounts.set(id, account);
    return { body: account };
  }

  private accountLinkCreate(params: FormObject) {
    const accountId = requiredString(params, "account");
    const type = requiredString(params, "type");
    if (!["account_onboarding", "account_update"].includes(type)) throw invalid("Invalid type: must be one of account_onboarding or account_update", { param: "type" });
    requiredString(params, "return_url");
    requiredString(params, "refresh_url");
    if (!this.accounts.has(accountId)) throw missing("account", accountId, "account");
    const created = this.seconds();
    const link: StripeObject = { id: randomId("link"), object: "account_link", created, expires_at: created + 300, url: `${this.url}/setup/e/${accountId}/${randomBytes(8).toString("hex")}` };
    this.accountLinks.push(link);
    const { id: _id, ...shown } = link;
    return { body: shown as StripeObject };
  }
}

/** Stripe's standard fee for a card of the European Economic Area: 1.5 % + 0.25 €, rounded to the cent. */
export function stripeCardFeeCents(amountCents: number): number {
  return Math.round(amountCents * 0.015) + 25;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

/** `Authorization: Bearer sk_test_…` (the SDK) or Basic with the key as user name (curl -u). */
function bearerKey(request: IncomingMessage): string | null {
  const authorization = header(request, "authorization");
  if (!authorization) return null;
  const [scheme, value] = authorization.split(" ");
  if (scheme === "Bearer" && value) return value;
  if (scheme === "Basic" && value) return Buffer.from(value, "base64").toString("utf8").split(":")[0] || null;
  return null;
}

/** A double started on a free port of 127.0.0.1. */
export function startStripeDouble(options: StripeDoubleOptions = {}): Promise<StripeDouble> {
  return new StripeDouble(options).start();
}
