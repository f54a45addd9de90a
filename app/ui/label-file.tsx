/**
 * The parts of a label's file both the producer and the reviewer read: what the evidence proves
 * (distance, criteria met or not, what is missing), its documents and its audit trail.
 */
import type { MessageKey } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

/** A key built from a code the domain names (statuses, criteria, events): each has its message in the label area. */
export const labelKey = (key: string) => key as MessageKey;
import { dateTime } from "~/ui/format";

type Check = { code: string; met: boolean; km?: number | null; commune?: string; maxKm?: number; port?: string | null; area?: string; percent?: number; minPercent?: number };

function oneDecimal(value: number, locale: "fr" | "en"): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}

export function LabelAssessment({ checks, missing }: { checks: readonly Check[]; missing: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="mt-3 grid gap-3 sm:grid-cols-2">
      <section aria-labelledby="criteres-mesures" className="rounded-xl border border-slate-300 bg-white p-4">
        <h3 id="criteres-mesures" className="font-bold text-sea-900">{t("label.criterion.title")}</h3>
        {checks.length === 0 ? <p className="mt-1">—</p> : null}
        <ul className="mt-1 space-y-1">
          {checks.map((check) => (
            <li key={check.code} data-criterion={check.code} data-met={check.met}>
              <span className={check.met ? "font-semibold text-green-800" : "font-semibold text-red-800"}>{check.met ? `✓ ${t("label.criterion.met")}` : `✗ ${t("label.criterion.notMet")}`}</span>{" "}
              {t(labelKey(`label.criterion.${check.code}`), {
                km: check.km === null || check.km === undefined ? "?" : oneDecimal(check.km, locale),
                commune: check.commune ?? "",
                maxKm: check.maxKm ?? "",
                port: check.port ?? "",
                area: check.area ?? "",
                percent: check.percent === undefined ? "" : oneDecimal(check.percent, locale),
                minPercent: check.minPercent ?? "",
              })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ce-qui-manque" className="rounded-xl border border-slate-300 bg-white p-4">
        <h3 id="ce-qui-manque" className="font-bold text-sea-900">{t("label.missing.title")}</h3>
        {missing.length === 0 ? <p className="mt-1">{t("label.missing.none")}</p> : null}
        <ul className="mt-1 list-disc pl-5">
          {missing.map((item) => (
            <li key={item} data-missing={item}>{t(labelKey(`label.missing.${item}`))}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function LabelDocuments({ documents, hrefOf }: { documents: ReadonlyArray<{ id: string; name: string }>; hrefOf: (id: string) => string }) {
  const t = useT();
  return (
    <section aria-labelledby="justificatifs" className="mt-4">
      <h2 id="justificatifs" className="text-lg font-bold text-sea-900">{t("label.documents.title")}</h2>
      {documents.length === 0 ? <p>{t("label.documents.none")}</p> : null}
      <ul className="mt-1">
        {documents.map((document) => (
          <li key={document.id}>
            <a href={hrefOf(document.id)} className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{document.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LabelTrail({ trail }: { trail: ReadonlyArray<{ id: string; at: string | Date; actorName: string; kind: string; reason: string | null }> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="historique" className="mt-4">
      <h2 id="historique" className="text-lg font-bold text-sea-900">{t("label.trail.title")}</h2>
      <ol className="mt-1 space-y-2 border-l-2 border-sea-700 pl-4">
        {trail.map((event) => (
          <li key={event.id} data-event={event.kind}>
            <p className="font-semibold">{t(labelKey(`label.event.${event.kind}`))}</p>
            <p className="text-sm text-slate-700">
              {dateTime(event.at, locale)} · {t("label.trail.by", { name: event.actorName })}
            </p>
            {event.reason ? <p className="text-sm">{event.reason}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
