import { Link } from "@remix-run/react";
import type { RefusedForm } from "~/http/ess-form.server";
import { useT } from "~/i18n/use-t";
import { EventForm, eventValues, type EventFormValues } from "~/ui/event-form";

/** The page to change one event: back to its list, then its form (what was typed kept when refused). */
export function EventEditPage(props: { back: { to: string; label: string }; values: EventFormValues; communes: Parameters<typeof EventForm>[0]["communes"]; refused: RefusedForm | undefined }) {
  const t = useT();
  const { refused } = props;
  return (
    <div className="max-w-2xl">
      <p className="text-sm"><Link to={props.back.to} className="inline-flex min-h-11 items-center text-sea-700 underline">{props.back.label}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.edit")}</h1>
      <EventForm values={eventValues(refused?.values, props.values)} communes={props.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.update")} />
    </div>
  );
}
