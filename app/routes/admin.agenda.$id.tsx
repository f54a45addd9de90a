import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { EventEditor } from "~/domain/ess/manage-events.server";
import { requirePermission } from "~/http/auth.server";
import type { RefusedForm } from "~/http/ess-form.server";
import { loadEditableEvent, updateEventFromForm } from "~/http/event-edit.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { EventEditPage } from "~/ui/event-edit-page";

export const meta: MetaFunction = () => [{ title: "Modifier le rendez-vous — Terre & Mer" }];

/** The admin changes any event (its holder stays: withdraw and publish again to change who holds it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const editor: EventEditor = { kind: "admin", userId: admin.id, user: admin };
  return loadEditableEvent(editor, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const editor: EventEditor = { kind: "admin", userId: admin.id, user: admin };
  return updateEventFromForm({ editor, params, locale: localeOf(request, admin.locale), form: await readForm(request), back: "/admin/agenda" });
}

export default function AdminEditEvent() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<RefusedForm>();
  const t = useT();
  return <EventEditPage back={{ to: "/admin/agenda", label: t("essEvents.adminTitle") }} values={page.values} communes={page.communes} refused={refused} />;
}
