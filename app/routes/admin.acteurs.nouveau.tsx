import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { essActorSchema, parseWithPosition } from "~/domain/ess/ess-actor-input";
import { canManageEssActors, createEssActor } from "~/domain/ess/manage-ess-actors.server";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import type { RefusedForm } from "~/http/ess-form.server";
import { submitEssForm } from "~/http/ess-form-action.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { EMPTY_ESS_ACTOR, EssActorForm, typedValues } from "~/ui/ess-actor-form";

export const meta: MetaFunction = () => [{ title: "Ajouter un acteur de l'ESS — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  if (!canManageEssActors(admin)) throw new Response("Forbidden", { status: 403 });
  return { communes: sortedCommunes() };
}


export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const form = await readForm(request);
  const refused = await submitEssForm({ locale, form, parsed: parseWithPosition(essActorSchema, form) }, (actor) => createEssActor({ user: admin, actor, now: now() }));
  return refused ?? redirect("/admin/acteurs");
}


export default function NewEssActor() {
  const { communes: choices } = useLoaderData<typeof loader>();
  const refused = useActionData<RefusedForm>();
  const t = useT();
  return (
    <div className="max-w-2xl">
      <p className="text-sm"><Link to="/admin/acteurs" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("essActors.back")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("essActors.new")}</h1>
      <EssActorForm values={typedValues(refused?.values, EMPTY_ESS_ACTOR)} communes={choices} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essActors.new")} />
    </div>
  );
}
