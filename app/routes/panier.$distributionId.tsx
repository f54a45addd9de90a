import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EMAIL_VERIFICATION_PATH } from "~/domain/accounts/email-verification";
import { priceLabel, quantityUnit } from "~/domain/catalog/price-label";
import { getDistribution } from "~/domain/distributions/get-distribution.server";
import { scheduleAt } from "~/domain/distributions/ordering-window";
import { MAX_QUANTITY } from "~/domain/field-limits";
import { idField } from "~/domain/fields";
import { getCart, setCartQuantitySchema } from "~/domain/ordering/cart.server";
import { checkoutCart, checkoutSchema, shownLinesOf } from "~/domain/ordering/checkout-cart.server";
import { isKnownCustomer } from "~/domain/ordering/customer-guards.server";
import { orderTotalCents } from "~/domain/ordering/pricing";
import { getCurrentUser } from "~/http/auth.server";
import { cartOwner, changeCartQuantity } from "~/http/cart-owner.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { cardPaymentsEnabled } from "~/infra/stripe.server";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, euros, longDate, placeLine, timeRange } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { ProductPicture } from "~/ui/product-picture";
import { QuantityStepper } from "~/ui/quantity-stepper";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Mon panier — Terre & Mer" }];

/** A visitor sees their cart too (decision 024); ordering asks them to sign up or log in, then brings them back here. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const owner = await cartOwner(request);
  const id = idField.safeParse(params.distributionId);
  const distribution = id.success ? await getDistribution(id.data) : null;
  if (!distribution) throw new Response("Not found", { status: 404 });
  const cart = owner ? await getCart(owner, distribution.id, now()) : [];
  return {
    signedIn: user !== null,
    distribution: {
      ...scheduleAt(distribution, now()),
      pickupPoint: distribution.pickupPoint,
      slots: distribution.slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, full: slot.full })),
    },
    cart,
    // What the checkout confirms: these lines at these prices (decision 019).
    shownLines: shownLinesOf(cart),
    // A first order paid at pickup asks for a confirmed email: said before the customer tries.
    mustConfirmEmail: user !== null && cart.length > 0 && !(await isKnownCustomer(user.id)),
    // One key per rendering of the checkout: a double submit places one order, not two.
    idempotencyKey: randomUUID(),
    // Card online is offered only where Stripe keys are configured (decision 027); otherwise the page is as before.
    cardPayments: cardPaymentsEnabled(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  const locale = localeOf(request, user?.locale);
  const distributionId = idField.safeParse(params.distributionId);
  if (!distributionId.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  // Ordering needs an account (and a confirmed email, decision 019): the visitor's cart waits for them.
  if (form.intent === "checkout" && !user) throw redirect(`/connexion?redirectTo=${encodeURIComponent(`/panier/${distributionId.data}`)}`);
  try {
    if (form.intent === "checkout" && user) {
      const parsed = checkoutSchema.safeParse(form);
      if (!parsed.success) return invalidForm(parsed.error, locale);
      const order = await checkoutCart({ ...parsed.data, distributionId: distributionId.data, customer: user, now: now(), appUrl: appUrl() });
      // A card order goes to Stripe's payment page; if it could not be made, its page offers « payer » again.
      if (order.status === "AWAITING_PAYMENT") return redirect(order.cardPayment?.checkoutUrl ?? `/commandes/${order.id}`);
      return redirect(`/commandes/${order.id}?confirmee=1`);
    }
    const parsed = setCartQuantitySchema.safeParse(form);
    if (!parsed.success) return invalidForm(parsed.error, locale);
    const headers = await changeCartQuantity(request, context, { offerId: parsed.data.offerId, quantity: form.intent === "remove" ? 0 : parsed.data.quantity, now: now() });
    return data({ ok: true as const }, { headers });
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function CartPage() {
  const { distribution, cart, idempotencyKey, shownLines, mustConfirmEmail, signedIn, cardPayments } = useLoaderData<typeof loader>();
  const failure = useActionData<FormFailure | { ok: true }>();
  const t = useT();
  const locale = useLocale();
  const total = orderTotalCents(cart.map((line) => ({ quantity: line.quantity, unitPriceCents: line.priceCents })));
  const open = distribution.state === "open";
  const soldOut = new Set(failure && !failure.ok ? failure.offerIds ?? [] : []);
  const firstFreeSlot = distribution.slots.find((slot) => !slot.full)?.id;

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("cart.title")}</h1>
      <p className="mt-1">
        {t("cart.for", { date: longDate(distribution.startsAt, locale), point: distribution.pickupPoint.name })}
      </p>
      <div className="mt-4">
        {failure && !failure.ok ? <FormAlert message={failure.message} /> : null}
        {!open ? <FormAlert message={t("cart.closed")} /> : null}
        {open && mustConfirmEmail ? (
          <>
            <FormAlert message={t("ordering.cart.verifyEmail")} />
            <p className="mt-2">
              <Link to={EMAIL_VERIFICATION_PATH} className="font-semibold text-sea-700 underline">
                {t("accountsEmail.verify.askNew")}
              </Link>
            </p>
          </>
        ) : null}
      </div>
      {cart.length === 0 ? (
        <p className="mt-4">{t("cart.empty")}</p>
      ) : (
        <>
          {/* Each line a row that stacks on a phone: picture and words first, then the quantity and the line's amount. */}
          <ul className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white">
            {cart.map((line) => (
              <li key={line.offerId} className="grid grid-cols-[4rem_minmax(0,1fr)] gap-x-3 gap-y-2 p-3 sm:grid-cols-[6rem_minmax(0,1fr)]" data-testid="cart-line">
                <ProductPicture photo={line.photo} category={line.category} alt="" sizes="(min-width: 640px) 96px, 64px" className="aspect-[4/3] rounded-lg" />
                <div className="min-w-0">
                  <p className="font-semibold leading-snug">{line.name}</p>
                  <p className="text-sm text-slate-700">{line.producerName}</p>
                  <p className="text-sm">{priceLabel(line, locale)}</p>
                  {soldOut.has(line.offerId) || line.quantity > line.remaining ? (
                    <p className="text-sm font-bold text-red-800">{t("cart.soldOutLine", { count: Math.max(0, line.remaining) })}</p>
                  ) : null}
                </div>
                <div className="col-span-2 flex flex-wrap items-center gap-x-3 gap-y-2 sm:col-span-1 sm:col-start-2">
                  <QuantityStepper
                    name={line.name}
                    quantity={line.quantity}
                    max={MAX_QUANTITY}
                    unit={quantityUnit(line.unit)}
                    fields={{ offerId: line.offerId, intent: "update" }}
                    labels={{
                      less: t("shop.line.less", { name: line.name }),
                      more: t("shop.line.more", { name: line.name }),
                      typed: t("catalogue.quantityFor", { name: line.name }),
                      update: t("cart.update"),
                      busy: t("shop.busy.updating"),
                    }}
                  />
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="offerId" value={line.offerId} />
                    <input type="hidden" name="quantity" value="0" />
                    <SubmitButton variant="secondary" name="intent" value="remove" busyLabel={t("shop.busy.removing")} aria-label={`${t("cart.remove")} ${line.name}`} className="px-3 text-sm">{t("cart.remove")}</SubmitButton>
                  </Form>
                  <p className="ml-auto text-right font-bold">
                    <span className="sr-only">{t("shop.line.total", { amount: euros(line.quantity * line.priceCents, locale) })}</span>
                    <span aria-hidden="true">{euros(line.quantity * line.priceCents, locale)}</span>
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-3 flex items-baseline justify-between rounded-xl bg-sea-50 p-3 text-lg font-bold" data-testid="cart-total">
            <span>{t("cart.total")}</span>
            <span>{euros(total, locale)}</span>
          </p>
          {/* A long cart pushes the checkout screens down: its way is one tap from the total. */}
          {open && signedIn && cart.length >= 3 ? (
            <p className="mt-3">
              <a href="#checkout" className="flex min-h-11 w-full items-center justify-center rounded-lg bg-sea-700 px-4 py-2 text-center font-semibold text-white sm:hidden">{t("shop.cart.next")}</a>
            </p>
          ) : null}
        </>
      )}
      <p className="mt-2"><Link to={`/distributions/${distribution.id}`} className="inline-flex min-h-11 items-center text-sea-700 underline">{t("cart.backToCatalogue")}</Link></p>

      {cart.length > 0 && open && !signedIn ? <VisitorCheckout distributionId={distribution.id} /> : null}
      {cart.length > 0 && open && signedIn ? (
        <Form method="post" id="checkout" className="mt-6 scroll-mt-4 rounded-xl border border-slate-300 bg-white p-4">
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="shownLines" value={shownLines} />
          <fieldset>
            <legend className="font-bold">{t("cart.slot")}</legend>
            <p className="text-sm text-slate-700">{placeLine(distribution.pickupPoint.address, distribution.pickupPoint.commune)}</p>
            {distribution.slots.map((slot) => (
              <label key={slot.id} className="mt-2 flex min-h-11 items-center gap-2">
                <input type="radio" name="slotId" value={slot.id} disabled={slot.full} defaultChecked={slot.id === firstFreeSlot} className="h-5 w-5" />
                {timeRange(slot.startsAt, slot.endsAt)} {slot.full ? `(${t("cart.slotFull")})` : null}
              </label>
            ))}
          </fieldset>
          {cardPayments ? (
            <PaymentChoice weighed={cart.some((line) => line.variableWeight)} />
          ) : (
            <fieldset className="mt-4">
              <legend className="font-bold">{t("cart.payment")}</legend>
              <label className="mt-2 flex min-h-11 items-center gap-2">
                <input type="radio" name="paymentMethod" value="at_pickup" defaultChecked className="h-5 w-5" />
                {t("cart.payAtPickup")}
              </label>
            </fieldset>
          )}
          <p className="mt-2 text-sm text-slate-700">{t("orders.editableUntil", { date: dateTime(distribution.cutoffAt, locale) })}</p>
          <div className="mt-4">
            <SubmitButton name="intent" value="checkout" busyLabel={t("shop.busy.ordering")} className="w-full sm:w-auto">{t("cart.confirm")} — {euros(total, locale)}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </div>
  );
}

/**
 * Card online or at pickup (decision 027 §9: never « carte » alone), card first. A line sold by
 * weight is charged at its cap, the difference refunded after weighing: said before paying.
 */
function PaymentChoice({ weighed }: { weighed: boolean }) {
  const t = useT();
  return (
    <fieldset className="mt-4" aria-describedby={weighed ? "payment-weighed" : undefined}>
      <legend className="font-bold">{t("cardCheckout.choice.legend")}</legend>
      <label className="mt-2 flex min-h-11 items-start gap-2 py-1">
        <input type="radio" name="paymentMethod" value="card" defaultChecked className="mt-0.5 h-5 w-5 shrink-0" aria-describedby="payment-card-hint" />
        <span>
          <span className="font-semibold">{t("cardCheckout.choice.card")}</span>
          <span id="payment-card-hint" className="block text-sm text-slate-700">{t("cardCheckout.choice.cardHint")}</span>
        </span>
      </label>
      <label className="mt-2 flex min-h-11 items-start gap-2 py-1">
        <input type="radio" name="paymentMethod" value="at_pickup" className="mt-0.5 h-5 w-5 shrink-0" aria-describedby="payment-pickup-hint" />
        <span>
          <span className="font-semibold">{t("cardCheckout.choice.atPickup")}</span>
          <span id="payment-pickup-hint" className="block text-sm text-slate-700">{t("cardCheckout.choice.atPickupHint")}</span>
        </span>
      </label>
      {weighed ? (
        <p id="payment-weighed" className="mt-2 rounded-lg bg-sea-50 p-2 text-sm text-slate-800">{t("cardCheckout.choice.weighed")}</p>
      ) : null}
    </fieldset>
  );
}

/** A visitor's cart: ordering needs an account; either way they come back to this cart, kept. */
function VisitorCheckout({ distributionId }: { distributionId: string }) {
  const t = useT();
  const back = encodeURIComponent(`/panier/${distributionId}`);
  return (
    <section aria-labelledby="visitor-checkout" className="mt-6 rounded-xl border border-slate-300 bg-white p-4">
      <h2 id="visitor-checkout" className="font-bold">{t("cartGuest.checkout.title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("cartGuest.checkout.kept")}</p>
      <p className="mt-3 flex flex-wrap gap-3">
        <Link to={`/inscription?redirectTo=${back}`} className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 font-semibold text-white">{t("nav.signup")}</Link>
        <Link to={`/connexion?redirectTo=${back}`} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-700">{t("nav.login")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
