import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import Stripe from "stripe";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readConnectAccount, refreshConnectAccount, startOnboarding } from "~/domain/payments/connect-account.server";
import { now } from "~/http/clock.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { appUrl } from "~/http/request-context.server";
import { cardPaymentsEnabled } from "~/infra/stripe.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { euros } from "~/ui/format";
import { FormAlert } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Paiements en ligne — Terre & Mer" }];

const PAGE = "/producteur/paiements";

/**
 * The producer's Stripe account (decision 027 §8): its state, what is held for it, and the button
 * that opens Stripe's onboarding. Back from Stripe (`?retour`), the page asks Stripe for the account
 * rather than waiting for the webhook. Without Stripe keys there is nothing to connect: a sentence says so.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  if (!cardPaymentsEnabled()) return { enabled: false as const };
  const url = new URL(request.url);
  const returned = url.searchParams.has("retour");
  let account = null;
  let stripeDown = false;
  if (returned) {
    try {
      account = await refreshConnectAccount(producer.id, now());
    } catch (error) {
      // Stripe not answering: the state we have stands, and account.updated will bring the news.
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      stripeDown = true;
    }
  }
  account ??= await readConnectAccount(producer.id);
  return { enabled: true as const, account, returned: returned && !stripeDown, stripeDown, linkExpired: url.searchParams.has("relancer") };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const form = await readForm(request);
  if (form.intent !== "connect") throw new Response("Bad Request", { status: 400 });
  if (!cardPaymentsEnabled()) throw new Response("Not Found", { status: 404 });
  const base = appUrl();
  try {
    const url = await startOnboarding({ producerId: producer.id, returnUrl: `${base}${PAGE}?retour=1`, refreshUrl: `${base}${PAGE}?relancer=1` });
    return redirect(url);
  } catch (error) {
    // Stripe unreachable or refusing: nothing is lost (an account made is stored, or made again with the same key); say so and let them retry.
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    return data({ ok: false as const, message: translate(localeOf(request, user.locale), "cardStatement.account.stripeDown") }, { status: 502 });
  }
}

export default function ProducerPaymentsPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("cardStatement.account.title")}</h1>
      {!page.enabled ? (
        <p className="mt-3 rounded-xl border border-slate-300 bg-white p-4">{t("cardStatement.account.disabled")}</p>
      ) : (
        <>
          <p className="mt-1">{t("cardStatement.account.intro")}</p>
          {page.returned ? <FormAlert tone="success" message={t("cardStatement.account.returned")} /> : null}
          {page.linkExpired ? <FormAlert message={t("cardStatement.account.linkExpired")} /> : null}
          {answer && !answer.ok ? <FormAlert message={answer.message} /> : null}
          {page.stripeDown ? <FormAlert message={t("cardStatement.account.stripeDown")} /> : null}
          <section aria-labelledby="etat-compte" className="mt-4 rounded-xl border-2 border-sea-700 bg-white p-4">
            <h2 id="etat-compte" className="text-lg font-bold text-sea-900">{t("cardStatement.account.stateLabel")}</h2>
            <p className="mt-1 text-xl font-bold" data-state={page.account.state}>{t(`cardStatement.account.state.${page.account.state}`)}</p>
            <p className="mt-1">{t(`cardStatement.account.help.${page.account.state}`)}</p>
            {page.account.state !== "READY" ? (
              <Form method="post" reloadDocument className="mt-3">
                <input type="hidden" name="intent" value="connect" />
                <SubmitButton busyLabel={t("cardStatement.account.connecting")}>
                  {t(page.account.accountId ? "cardStatement.account.continue" : "cardStatement.account.connect")}
                </SubmitButton>
              </Form>
            ) : null}
          </section>
          <section aria-labelledby="en-attente" className="mt-4 rounded-xl border border-slate-300 bg-white p-4">
            <h2 id="en-attente" className="text-lg font-bold text-sea-900">{t("cardStatement.account.held", { amount: euros(page.account.heldCents, locale) })}</h2>
            <p className="mt-1">
              {page.account.heldTransfers > 0 ? t("cardStatement.account.heldHelp", { count: page.account.heldTransfers }) : t("cardStatement.account.nothingHeld")}
            </p>
          </section>
        </>
      )}
      <p className="mt-4">
        <Link to="/producteur/releve" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">
          {t("cardStatement.account.statementLink")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
