import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { can } from "~/domain/accounts/permissions";
import { currentMonth, type SalesFigures } from "~/domain/preparation/sales-figures";
import { salesPeriodSchema, salesStatement } from "~/domain/preparation/sales-summary.server";
import { statementTotalRows } from "~/domain/preparation/statement-documents";
import { env } from "~/env.server";
import { parisIsoDate } from "~/domain/time/paris";
import { requireUser } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { fieldErrors, translateIssues } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { euros, longDate } from "~/ui/format";
import { PeriodForm } from "~/ui/period-form";

export const meta: MetaFunction = () => [{ title: "Bilan des ventes — Terre & Mer" }];

/**
 * A producer reads their own figures; a territory admin (`read:order:any`) who is not a producer
 * reads every producer's (for an admin page that reuses this module).
 */
async function whoseFigures(request: Request) {
  const user = await requireUser(request);
  if (user.memberships.some((membership) => membership.role === "PRODUCER")) {
    const { producer } = await requireProducer(request);
    return { user, producerId: producer.id };
  }
  if (can(user, "read:order:any")) return { user, producerId: null };
  throw new Response("Forbidden", { status: 403 });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producerId } = await whoseFigures(request);
  const url = new URL(request.url);
  const fallback = currentMonth(parisIsoDate(now()));
  const asked = { from: url.searchParams.get("du") ?? fallback.from, to: url.searchParams.get("au") ?? fallback.to };
  const period = salesPeriodSchema.safeParse(asked);
  if (!period.success) {
    const locale = localeOf(request, user.locale);
    return data({ period: asked, errors: fieldErrors(translateIssues(period.error, locale)), summary: null, card: null, cardByProducer: {}, platform: null, allProducers: producerId === null }, { status: 400 });
  }
  // The summary and the card payments' totals of the same orders (issue 11); the platform's side for the territory.
  const { summary, statement } = await salesStatement({ actor: user, producerId, ...period.data, commissionBp: env().PLATFORM_COMMISSION_BP });
  // The territory sees, per producer, where their card money is (sent, on its way, held for their Stripe account, to come).
  const cardByProducer = producerId === null ? Object.fromEntries(statement.producers.map(({ producerId: id, netCents, transferredCents, sendingCents, heldCents, upcomingCents }) => [id, { netCents, transferredCents, sendingCents, heldCents, upcomingCents }])) : {};
  return { period: period.data, errors: {} as Record<string, string>, summary, card: statement.totals, cardByProducer, platform: producerId === null ? statement.platform : null, allProducers: producerId === null };
}

const FIGURES: Array<{ key: keyof SalesFigures; label: MessageKey; strong?: boolean }> = [
  { key: "orders", label: "preparation.summary.orders" },
  { key: "orderedCents", label: "preparation.summary.ordered" },
  { key: "weighingCents", label: "preparation.summary.weighing" },
  { key: "dueCents", label: "preparation.summary.due" },
  { key: "collectedCents", label: "preparation.summary.collected" },
  { key: "notCollectedCents", label: "preparation.summary.notCollected" },
  { key: "paidCashCents", label: "preparation.summary.paidCash" },
  { key: "paidChequeCents", label: "preparation.summary.paidCheque" },
  { key: "paidCardCents", label: "preparation.summary.paidCard" },
  { key: "paidCents", label: "preparation.summary.paid" },
  { key: "paidOnlineCents", label: "cardStatement.summary.paidOnline" },
  { key: "stillDueCents", label: "preparation.summary.stillDue", strong: true },
];

function Figures({ figures }: { figures: SalesFigures }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
      {FIGURES.map(({ key, label, strong }) => (
        <div key={key} className={`contents ${strong ? "text-lg font-bold" : ""}`}>
          <dt>{t(label)}</dt>
          <dd className="text-right tabular-nums">{key === "orders" ? figures[key] : euros(figures[key], locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function SalesSummaryPage() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const summary = page.summary;
  const query = new URLSearchParams({ du: page.period.from, au: page.period.to }).toString();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("preparation.summary.title")}</h1>
      <p className="mt-1">{t("preparation.summary.intro")}</p>
      <PeriodForm idPrefix="periode" period={page.period} errors={page.errors}>
        {summary ? (
          <a href={`/producteur/bilan.csv?${query}`} download className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">
            {t("preparation.summary.csv")}
          </a>
        ) : null}
      </PeriodForm>

      {summary ? (
        <>
          <section className="mt-6 rounded-xl border-2 border-sea-700 bg-white p-4" aria-labelledby="total">
            <h2 id="total" className="text-xl font-bold text-sea-900">{t("preparation.summary.total")}</h2>
            <Figures figures={summary.total} />
            <p className="mt-2 text-sm text-slate-700">{t("cardStatement.summary.stillDueHelp")}</p>
          </section>
          {page.card && (page.card.paidOnlineCents > 0 || page.card.netCents !== 0 || page.card.heldCents > 0) ? (
            <section className="mt-6 rounded-xl border border-slate-300 bg-white p-4" aria-labelledby="en-ligne">
              <h2 id="en-ligne" className="text-xl font-bold text-sea-900">{t("cardStatement.account.title")}</h2>
              <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                {statementTotalRows(page.card)
                  .filter(([key]) => key !== "cardStatement.total.paidAtStall")
                  .map(([key, cents]) => (
                    <div key={key} className="contents">
                      <dt>{t(key)}</dt>
                      <dd className="text-right tabular-nums">{euros(cents, locale)}</dd>
                    </div>
                  ))}
              </dl>
              {!page.allProducers ? (
                <a href={`/producteur/releve?${query}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("cardStatement.title")}</a>
              ) : null}
            </section>
          ) : null}
          {page.platform ? (
            <section className="mt-6 rounded-xl border border-slate-300 bg-white p-4" aria-labelledby="plateforme">
              <h2 id="plateforme" className="text-xl font-bold text-sea-900">{t("cardStatement.platform.title")}</h2>
              <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                <dt>{t("cardStatement.platform.commission")}</dt>
                <dd className="text-right tabular-nums">{euros(page.platform.commissionCents, locale)}</dd>
                <dt>{t("cardStatement.platform.fee")}</dt>
                <dd className="text-right tabular-nums">{euros(page.platform.feeCents, locale)}</dd>
                <dt>{t("cardStatement.platform.held")}</dt>
                <dd className="text-right tabular-nums">{euros(page.platform.heldCents, locale)}</dd>
                <dt>{t("cardStatement.platform.refundsFailed")}</dt>
                <dd className={`text-right tabular-nums ${page.platform.refundsFailed > 0 ? "font-bold text-red-800" : ""}`}>
                  {t("cardStatement.platform.refundsFailedCount", { count: page.platform.refundsFailed, amount: euros(page.platform.refundsFailedCents, locale) })}
                </dd>
              </dl>
            </section>
          ) : null}
          {page.allProducers && summary.producers.length > 0 ? (
            <section className="mt-6" aria-labelledby="producteurs">
              <h2 id="producteurs" className="text-xl font-bold text-sea-900">{t("preparation.summary.byProducer")}</h2>
              <ul className="mt-2 space-y-2">
                {summary.producers.map((producer) => (
                  <li key={producer.producerId} className="rounded-xl border border-slate-300 bg-white p-4">
                    <h3 className="font-bold">{producer.producerName}</h3>
                    <Figures figures={producer} />
                    {page.cardByProducer[producer.producerId] ? (
                      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-slate-200 pt-2">
                        {(
                          [
                            ["cardStatement.total.net", page.cardByProducer[producer.producerId]!.netCents],
                            ["cardStatement.total.transferred", page.cardByProducer[producer.producerId]!.transferredCents],
                            ["cardStatement.total.sending", page.cardByProducer[producer.producerId]!.sendingCents],
                            ["cardStatement.total.held", page.cardByProducer[producer.producerId]!.heldCents],
                            ["cardStatement.total.upcoming", page.cardByProducer[producer.producerId]!.upcomingCents],
                          ] as const
                        ).map(([key, cents]) => (
                          <div key={key} className="contents">
                            <dt>{t(key)}</dt>
                            <dd className="text-right tabular-nums">{euros(cents, locale)}</dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="mt-6" aria-labelledby="distributions">
            <h2 id="distributions" className="text-xl font-bold text-sea-900">{t("preparation.summary.byDistribution")}</h2>
            {summary.distributions.length === 0 ? <p className="mt-2">{t("preparation.summary.none")}</p> : null}
            <ul className="mt-2 space-y-2">
              {summary.distributions.map((line) => (
                <li key={`${line.distributionId}-${line.producerId}`} className="rounded-xl border border-slate-300 bg-white p-4">
                  <h3 className="font-bold">
                    {longDate(line.startsAt, locale)} — {line.pickupPointName}
                    {page.allProducers ? ` — ${line.producerName}` : ""}
                  </h3>
                  <Figures figures={line} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
