import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { publicPagePath } from "~/domain/directory/public-pages";
import { z } from "zod";
import { listEssActorsForAdmin, setEssActorPublished } from "~/domain/ess/manage-ess-actors.server";
import { idField } from "~/domain/fields";
import { requirePermission } from "~/http/auth.server";
import { now } from "~/http/clock.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { FormAlert } from "~/ui/form";
import { SubmitButton } from "~/ui/submit-button";

export const meta: MetaFunction = () => [{ title: "Acteurs de l'ESS — Terre & Mer" }];

/** The territory's ESS actors, published or not, for the admin: add, edit, publish, unpublish. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const actors = await listEssActorsForAdmin(admin);
  return { actors: actors.map((actor) => ({ id: actor.id, name: actor.name, kind: actor.kind, published: actor.published, commune: actor.commune.name, publicHref: actor.published ? publicPagePath("essActor", actor.slug) : null })) };
}

const publishSchema = z.object({ actorId: idField });

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const form = await readForm(request);
  const parsed = publishSchema.safeParse(form);
  if (!parsed.success) return invalidForm(parsed.error, locale);
  // Publish or unpublish, as the button said; anything else is a bad request.
  const published = form.intent === "publish" ? true : form.intent === "unpublish" ? false : null;
  if (published === null) throw new Response("Bad request", { status: 400 });
  try {
    await setEssActorPublished({ user: admin, id: parsed.data.actorId, published, now: now() });
    const name = (await listEssActorsForAdmin(admin)).find((actor) => actor.id === parsed.data.actorId)?.name ?? "";
    return { ok: true as const, message: translate(locale, published ? "essActors.publishedDone" : "essActors.unpublishedDone", { name }) };
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function AdminEssActors() {
  const { actors } = useLoaderData<typeof loader>();
  const result = useActionData<FormFailure | { ok: true; message: string }>();
  const t = useT();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("essActors.title")}</h1>
      <p className="mt-2">{t("essActors.intro")}</p>
      <p className="mt-3">
        <Link to="/admin/acteurs/nouveau" className="inline-flex min-h-11 items-center rounded-lg bg-sea-700 px-4 font-semibold text-white hover:bg-sea-900">{t("essActors.new")}</Link>
        <Link to="/admin/agenda" className="ml-4 inline-flex min-h-11 items-center font-semibold text-sea-700 underline">{t("essEvents.adminTitle")}</Link>
      </p>
      <div className="mt-4">{result ? <FormAlert tone={result.ok ? "success" : "error"} message={result.message} /> : null}</div>
      {actors.length === 0 ? <p className="mt-4">{t("essActors.empty")}</p> : null}
      <ul className="mt-4 space-y-3">
        {actors.map((actor) => (
          <li key={actor.id} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-300 bg-white p-4" data-actor={actor.id}>
            <div className="min-w-0">
              <h2 className="font-bold">{actor.name}</h2>
              <p className="text-sm">{t(`essKind.${actor.kind}`)} · {actor.commune}</p>
              <p className={`mt-1 inline-block rounded px-2 py-1 text-sm font-semibold ${actor.published ? "bg-sea-50 text-sea-900" : "bg-amber-50 text-amber-900"}`}>{actor.published ? t("essActors.published") : t("essActors.unpublished")}</p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Link to={`/admin/acteurs/${actor.id}`} aria-label={t("essActors.editNamed", { name: actor.name })} className="inline-flex min-h-11 items-center rounded-lg border border-sea-700 px-4 font-semibold text-sea-700 hover:bg-sea-50">{t("essActors.editShort")}</Link>
              {actor.publicHref ? (
                <Link to={actor.publicHref} aria-label={t("essActors.publicPageNamed", { name: actor.name })} className="inline-flex min-h-11 items-center px-2 font-semibold text-sea-700 underline">{t("essActors.publicPage")}</Link>
              ) : null}
              <Form method="post">
                <input type="hidden" name="actorId" value={actor.id} />
                <SubmitButton busyLabel={t("essActors.saving")} variant="secondary" name="intent" value={actor.published ? "unpublish" : "publish"} aria-label={t(actor.published ? "essActors.unpublishNamed" : "essActors.publishNamed", { name: actor.name })}>
                  {actor.published ? t("essActors.unpublish") : t("essActors.publish")}
                </SubmitButton>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
