import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { EventEditor } from "~/domain/ess/manage-events.server";
import type { RefusedForm } from "~/http/ess-form.server";
import { loadEditableEvent, updateEventFromForm } from "~/http/event-edit.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { useT } from "~/i18n/use-t";
import { EventEditPage } from "~/ui/event-edit-page";

export const meta: MetaFunction = () => [{ title: "Modifier le rendez-vous — Terre & Mer" }];

/** One of the producer's own events to change; another organisation's event is « not found ». */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const editor: EventEditor = { kind: "producer", userId: user.id, organisationId: producer.id };
  return loadEditableEvent(editor, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const editor: EventEditor = { kind: "producer", userId: user.id, organisationId: producer.id };
  return updateEventFromForm({ editor, params, locale: localeOf(request, user.locale), form: await readForm(request), back: "/producteur/agenda" });
}

export default function EditOwnEvent() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<RefusedForm>();
  const t = useT();
  return <EventEditPage back={{ to: "/producteur/agenda", label: t("essEvents.title") }} values={page.values} communes={page.communes} refused={refused} />;
}
