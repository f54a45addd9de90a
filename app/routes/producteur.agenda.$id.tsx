import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { eventFormValues } from "~/domain/ess/event-form-values";
import { eventSchema } from "~/domain/ess/event-input";
import { parseWithPosition } from "~/domain/ess/ess-actor-input";
import { getEventForEditor, updateEvent, type EventEditor } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { now } from "~/http/clock.server";
import { refusedByDomain, refusedForm, type RefusedForm } from "~/http/ess-form.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { useT } from "~/i18n/use-t";
import { EventForm, eventValues } from "~/ui/event-form";

export const meta: MetaFunction = () => [{ title: "Modifier le rendez-vous — Terre & Mer" }];

function notFound(error: unknown): never {
  if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
  throw error;
}

/** One of the producer's own events to change; another organisation's event is « not found ». */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const editor: EventEditor = { kind: "producer", userId: user.id, organisationId: producer.id };
  const event = await getEventForEditor(editor, id.data).catch(notFound);
  return { values: eventFormValues(event), communes: sortedCommunes() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const parsed = parseWithPosition(eventSchema, form);
  if (!parsed.success) return refusedForm(parsed.error, locale, form);
  try {
    await updateEvent({ editor: { kind: "producer", userId: user.id, organisationId: producer.id }, eventId: id.data, event: parsed.data, now: now() });
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
    return refusedByDomain(error, locale, form);
  }
  return redirect("/producteur/agenda");
}

export default function EditOwnEvent() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<RefusedForm>();
  const t = useT();
  return (
    <div className="max-w-2xl">
      <p className="text-sm"><Link to="/producteur/agenda" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("essEvents.title")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.edit")}</h1>
      <EventForm values={eventValues(refused?.values, page.values)} communes={page.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.update")} />
    </div>
  );
}
