import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { confirmPickup } from "~/domain/donations/confirm-pickup.server";
import { quantityText, unitName } from "~/domain/donations/donation-format";
import { readHandover, readWorkshop, type ProcessedLot, type ProcessedLotClaim } from "~/domain/donations/read-workshop.server";
import { workshopHandoverFormSchema } from "~/domain/donations/workshop-forms";
import { isDomainError } from "~/domain/errors";
import { requireWorkshop } from "~/http/charity.server";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus, fieldErrors, translateIssues } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton } from "~/ui/form";
import { dateTime, euros } from "~/ui/format";
import { InvoiceTable } from "~/ui/invoice-table";

export const meta: MetaFunction = () => [{ title: "Atelier de transformation — Terre & Mer" }];

/** Paniers de la mer: only a verified charity the territory approved as a processing workshop. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireWorkshop(request);
  return readWorkshop(charity.id);
}

type ActionResult = { ok: true; target: string; message: string } | { ok: false; target: string; message: string; fieldErrors: Record<string, string> };

/** The hand-over of a processed lot's claim, with the charity's code: the invoice is issued with it. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, charity } = await requireWorkshop(request);
  const locale = localeOf(request, user.locale);
  const form = await readForm(request);
  const target = form.claimId ?? "";
  if (form.intent !== "handover") {
    const message = translate(locale, "sea.field.intent");
    return data<ActionResult>({ ok: false, target, message, fieldErrors: { intent: message } }, { status: 400 });
  }
  const parsed = workshopHandoverFormSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(translateIssues(parsed.error, locale));
    return data<ActionResult>({ ok: false, target, message: Object.values(errors)[0] ?? translate(locale, "error.invalid"), fieldErrors: errors }, { status: 400 });
  }
  try {
    const collected = await confirmPickup({ ...parsed.data, donorId: charity.id, userId: user.id, now: now() });
    const handover = await readHandover(collected.id);
    const params = { quantity: handover ? quantityText(handover.quantityMilli, handover.unit, locale) : String(collected.quantity), charity: handover?.charityName ?? "" };
    const message = handover?.invoiceNumber
      ? translate(locale, "sea.workshop.handover.invoiced", { ...params, number: handover.invoiceNumber })
      : translate(locale, "sea.workshop.handover.done", params);
    return { ok: true, target, message } satisfies ActionResult;
  } catch (error) {
    if (isDomainError(error)) {
      const message = domainErrorMessage(error, locale);
      const field = error.details.field ?? (error.code === "pickup_code_invalid" ? "pickupCode" : undefined);
      return data<ActionResult>({ ok: false, target, message, fieldErrors: field ? { [field]: message } : {} }, { status: domainErrorStatus(error.code) });
    }
    throw error;
  }
}

export default function WorkshopPage() {
  const { rawClaims, processedLots, invoices } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("sea.workshop.title")}</h1>
      <p className="mt-2">{t("sea.workshop.intro")}</p>
      {search.get("publie") ? <div className="mt-3"><FormAlert tone="success" message={t("sea.workshop.published")} /></div> : null}

      <section aria-labelledby="brut" className="mt-6">
        <h2 id="brut" className="text-xl font-bold text-sea-900">{t("sea.workshop.raw.title")}</h2>
        {rawClaims.length === 0 ? <p className="mt-2">{t("sea.workshop.raw.empty")}</p> : null}
        <ul className="mt-3 space-y-3">
          {rawClaims.map((raw) => (
            <li key={raw.claimId} className="rounded-xl border border-slate-300 bg-white p-4">
              <h3 className="text-lg font-semibold">{raw.productName}</h3>
              <p>{t("sea.workshop.raw.line", { quantity: quantityText(raw.quantityMilli, raw.unit, locale), fisher: raw.fisherName, date: dateTime(raw.collectedAt, locale) })}</p>
              {raw.lotNumber ? <p className="text-sm text-slate-700">{t("sea.workshop.raw.lotNumber", { lotNumber: raw.lotNumber })}</p> : null}
              {raw.processedLots > 0 ? (
                <p className="text-sm text-slate-700">{t("sea.workshop.raw.processed", { quantity: quantityText(raw.processedMilli, raw.unit, locale), count: raw.processedLots })}</p>
              ) : null}
              <p className="mt-2 flex flex-wrap gap-2">
                <Link to={`/association/atelier/nouveau?source=${raw.claimId}`} className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 py-2 font-semibold text-white hover:bg-sea-800">
                  {t("sea.workshop.raw.publish")}
                </Link>
                <Link to={`/dons/tracabilite/${raw.lotId}`} className="inline-flex min-h-11 items-center px-2 font-semibold text-sea-700 underline">
                  {t("sea.workshop.trace")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="transformes" className="mt-8">
        <h2 id="transformes" className="text-xl font-bold text-sea-900">{t("sea.workshop.lots.title")}</h2>
        {processedLots.length === 0 ? <p className="mt-2">{t("sea.workshop.lots.empty")}</p> : null}
        <ul className="mt-3 space-y-4">
          {processedLots.map((lot) => (
            <ProcessedLotCard key={lot.id} lot={lot} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="factures" className="mt-8">
        <h2 id="factures" className="text-xl font-bold text-sea-900">{t("sea.workshop.invoices.title")}</h2>
        {invoices.length === 0 ? (
          <p className="mt-2">{t("sea.workshop.invoices.empty")}</p>
        ) : (
          <InvoiceTable className="mt-3" partyLabel="sea.invoices.charity" invoices={invoices.map((invoice) => ({ ...invoice, party: invoice.charityName }))} />
        )}
      </section>
    </div>
  );
}

type LotData = ReturnType<typeof useLoaderData<typeof loader>>["processedLots"][number];

function ProcessedLotCard({ lot }: { lot: LotData }) {
  const t = useT();
  const locale = useLocale();
  const unit = unitName(lot.unit, locale);
  return (
    <li className="rounded-xl border border-slate-300 bg-white p-4">
      <h3 className="text-lg font-semibold">{lot.productName}</h3>
      <p>
        {t("sea.workshop.lots.summary", {
          quantity: quantityText(lot.quantityMilli, lot.unit, locale),
          contribution: euros(lot.contributionCentsPerUnit, locale),
          unit,
          claimed: quantityText(lot.claimedMilli, lot.unit, locale),
        })}
        {" · "}
        {t(`sea.lotStatus.${lot.status}`)}
      </p>
      <p className="text-sm text-slate-700">{t("sea.workshop.lots.source", { product: lot.sourceProductName })}</p>
      <p className="text-sm text-slate-700">{t("sea.workshop.lots.window", { start: dateTime(lot.pickupStart, locale), end: dateTime(lot.pickupEnd, locale) })}</p>
      <p className="mt-1">
        <Link to={`/dons/tracabilite/${lot.id}`} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("sea.workshop.trace")}</Link>
      </p>
      {lot.claims.length === 0 ? <p className="mt-2">{t("sea.workshop.lots.noClaims")}</p> : null}
      <ul className="mt-2 divide-y divide-slate-200">
        {lot.claims.map((claim) => (
          <ClaimItem key={claim.id} claim={claim} unit={lot.unit} />
        ))}
      </ul>
    </li>
  );
}

function ClaimItem({ claim, unit }: { claim: Pick<ProcessedLotClaim, "id" | "charityName" | "quantityMilli" | "contributionCents" | "status" | "invoiceNumber">; unit: ProcessedLot["unit"] }) {
  const t = useT();
  const locale = useLocale();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state !== "idle";
  const mine = result && result.target === claim.id ? result : undefined;
  const errors = mine && !mine.ok ? mine.fieldErrors : {};
  const codeId = `code-${claim.id}`;
  const temperatureId = `temperature-${claim.id}`;
  return (
    <li className="py-3">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div><dt className="font-semibold">{t("sea.workshop.claims.charity")}</dt><dd>{claim.charityName}</dd></div>
        <div><dt className="font-semibold">{t("sea.workshop.claims.quantity")}</dt><dd>{quantityText(claim.quantityMilli, unit, locale)}</dd></div>
        <div><dt className="font-semibold">{t("sea.workshop.claims.contribution")}</dt><dd>{euros(claim.contributionCents, locale)}</dd></div>
        <div>
          <dt className="font-semibold">{t("sea.workshop.claims.status")}</dt>
          <dd>
            {t(`sea.status.${claim.status}`)}
            {claim.invoiceNumber ? ` · ${t("sea.workshop.claims.invoice", { number: claim.invoiceNumber })}` : null}
          </dd>
        </div>
      </dl>
      {mine ? (
        <div className="mt-2"><FormAlert tone={mine.ok ? "success" : "error"} message={mine.message} /></div>
      ) : null}
      {claim.status === "RESERVED" ? (
        <Form method="post" className="mt-2 rounded-lg bg-slate-50 p-3 print:hidden">
          <fieldset>
            <legend className="font-semibold">{t("sea.workshop.handover.legend", { charity: claim.charityName })}</legend>
            <input type="hidden" name="intent" value="handover" />
            <input type="hidden" name="claimId" value={claim.id} />
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor={codeId} className="block font-semibold">{t("sea.workshop.handover.code")}</label>
                <p id={`${codeId}-hint`} className="text-sm text-slate-700">{t("sea.workshop.handover.codeHint")}</p>
                <input
                  id={codeId}
                  name="pickupCode"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={6}
                  required
                  aria-invalid={errors.pickupCode ? true : undefined}
                  aria-describedby={errors.pickupCode ? `${codeId}-hint ${codeId}-error` : `${codeId}-hint`}
                  className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 px-3 py-2 text-base"
                />
                {errors.pickupCode ? <p id={`${codeId}-error`} className="mt-1 text-sm font-semibold text-red-800">{errors.pickupCode}</p> : null}
              </div>
              <div>
                <label htmlFor={temperatureId} className="block font-semibold">{t("sea.workshop.handover.temperature")}</label>
                <p id={`${temperatureId}-hint`} className="text-sm text-slate-700">{t("sea.workshop.handover.temperatureHint")}</p>
                <input
                  id={temperatureId}
                  name="temperatureC"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-invalid={errors.temperatureC ? true : undefined}
                  aria-describedby={errors.temperatureC ? `${temperatureId}-hint ${temperatureId}-error` : `${temperatureId}-hint`}
                  className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 px-3 py-2 text-base"
                />
                {errors.temperatureC ? <p id={`${temperatureId}-error`} className="mt-1 text-sm font-semibold text-red-800">{errors.temperatureC}</p> : null}
              </div>
            </div>
            <div className="mt-3">
              <PrimaryButton disabled={busy}>{t("sea.workshop.handover.submit")}</PrimaryButton>
            </div>
          </fieldset>
        </Form>
      ) : null}
    </li>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
