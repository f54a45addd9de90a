import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "~/db.server";
import { pointAccessibilitySchema } from "~/domain/directory/point-accessibility";
import { updatePointAccessibility } from "~/domain/directory/update-point-accessibility.server";
import { requirePermission } from "~/http/auth.server";
import { formFailure, invalidForm, type FormFailure } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { translate } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton, TextAreaField } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Points de retrait — Terre & Mer" }];

/** The territory's pickup points and their accessibility notes, shown on each point's public page (issue 12). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "verify:organisation:any");
  const points = await db().pickupPoint.findMany({
    select: { id: true, name: true, address: true, accessibilityNotes: true, commune: { select: { name: true } } },
    orderBy: [{ commune: { name: "asc" } }, { name: "asc" }],
  });
  return { points: points.map(({ commune, ...point }) => ({ ...point, commune: commune.name })) };
}

type Done = { ok: true; pointId: string; message: string };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "verify:organisation:any");
  const locale = localeOf(request, admin.locale);
  const form = await readForm(request);
  const parsed = pointAccessibilitySchema.safeParse(form);
  if (!parsed.success) {
    // Which point's form was refused, so its field shows the error and the others stay as they were.
    const refused = invalidForm(parsed.error, locale);
    return data({ ...refused.data, pointId: typeof form.pointId === "string" ? form.pointId : "" }, refused.init ?? undefined);
  }
  try {
    await updatePointAccessibility(parsed.data);
    return { ok: true, pointId: parsed.data.pointId, message: translate(locale, "directory.admin.accessibility.saved") } satisfies Done;
  } catch (error) {
    return formFailure(error, locale);
  }
}

export default function AdminPickupPoints() {
  const { points } = useLoaderData<typeof loader>();
  const result = useActionData<(FormFailure & { pointId?: string }) | Done>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold text-sea-900">{t("directory.admin.title")}</h1>
      <p className="mt-2">{t("directory.admin.intro")}</p>
      {result && !result.ok ? <FormAlert message={result.message} /> : null}
      <ul className="mt-4 space-y-4">
        {points.map((point) => (
          <li key={point.id} className="rounded-xl border border-slate-300 bg-white p-3">
            <h2 className="text-lg font-bold text-sea-900">
              <Link to={`/points-de-retrait/${point.id}`} className="underline underline-offset-4">{point.name}</Link>
            </h2>
            <p className="text-sm text-slate-700">{point.address} · {point.commune}</p>
            {result?.ok && result.pointId === point.id ? <FormAlert tone="success" message={result.message} /> : null}
            <Form method="post" noValidate className="mt-2">
              <input type="hidden" name="pointId" value={point.id} />
              <TextAreaField
                id={`accessibility-${point.id}`}
                name="accessibilityNotes"
                label={t("directory.admin.accessibility.label")}
                hint={t("directory.admin.accessibility.hint")}
                rows={2}
                maxLength={1000}
                defaultValue={point.accessibilityNotes}
                error={result && !result.ok && result.pointId === point.id ? result.fieldErrors.accessibilityNotes : undefined}
              />
              <PrimaryButton disabled={busy}>{t("directory.admin.accessibility.save")}</PrimaryButton>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
