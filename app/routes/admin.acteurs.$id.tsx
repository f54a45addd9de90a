import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { essActorSchema, parseWithPosition } from "~/domain/ess/ess-actor-input";
import { getEssActorForAdmin, updateEssActor } from "~/domain/ess/manage-ess-actors.server";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import type { RefusedForm } from "~/http/ess-form.server";
import { notFoundResponse, routeId, submitEssForm } from "~/http/ess-form-action.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { useT } from "~/i18n/use-t";
import { sortedCommunes } from "~/domain/ess/sorted-communes";
import { EssActorForm, typedValues } from "~/ui/ess-actor-form";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: `${page?.values.name ?? ""} — Acteurs de l'ESS — Terre & Mer` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const id = routeId(params);
  const actor = await getEssActorForAdmin(admin, id).catch(notFoundResponse);
  return {
    id: actor.id,
    communes: sortedCommunes(),
    values: {
      name: actor.name,
      kind: actor.kind,
      communeInsee: actor.communeInsee,
      address: actor.address,
      lat: String(actor.lat),
      lon: String(actor.lon),
      offer: actor.offer,
      contactEmail: actor.contactEmail ?? "",
      contactPhone: actor.contactPhone ?? "",
      website: actor.website ?? "",
      published: actor.published,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const id = routeId(params);
  const form = await readForm(request);
  const refused = await submitEssForm({ locale, form, parsed: parseWithPosition(essActorSchema, form), notFound: "404" }, (actor) =>
    updateEssActor({ user: admin, id, actor, now: now() }),
  );
  return refused ?? redirect("/admin/acteurs");
}

export default function EditEssActor() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<RefusedForm>();
  const t = useT();
  return (
    <div className="max-w-2xl">
      <p className="text-sm"><Link to="/admin/acteurs" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("essActors.back")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("essActors.edit", { name: page.values.name })}</h1>
      <EssActorForm values={typedValues(refused?.values, page.values)} communes={page.communes} errors={refused?.fieldErrors ?? {}} failure={refused?.message} submitLabel={t("essActors.save")} />
    </div>
  );
}
