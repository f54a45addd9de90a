import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { eventFormValues } from "~/domain/ess/event-form-values";
import { eventSchema } from "~/domain/ess/event-input";
import { parseWithPosition } from "~/domain/ess/ess-actor-input";
import { getEventForEditor, updateEvent } from "~/domain/ess/manage-events.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { refusedByDomain, refusedForm, type RefusedForm } from "~/http/ess-form.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { EventForm, eventValues } from "~/ui/event-form";

export const meta: MetaFunction = () => [{ title: "Modifier le rendez-vous — Terre & Mer" }];

/** The admin changes any event (its holder stays: withdraw and publish again to change who holds it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const event = await getEventForEditor({ kind: "admin", userId: admin.id, user: admin }, id.data).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
    throw error;
  });
  return { values: eventFormValues(event), communes: sortedCommunes() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const id = idField.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const parsed = parseWithPosition(eventSchema, form);
  if (!parsed.success) return refusedForm(parsed.error, locale, form);
  try {
    await updateEvent({ editor: { kind: "admin", userId: admin.id, user: admin }, eventId: id.data, event: parsed.data, now: now() });
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") throw new Response("Not found", { status: 404 });
    return refusedByDomain(error, locale, form);
  }
  return redirect("/admin/agenda");
}

export default function AdminEditEvent() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<RefusedForm>();
  const t = useT();
  return (
    <div className="max-w-2xl">
      <p className="text-sm"><Link to="/admin/agenda" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("essEvents.adminTitle")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("essEvents.edit")}</h1>
      <EventForm values={eventValues(refused?.values, page.values)} communes={page.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essEvents.update")} />
    </div>
  );
}
