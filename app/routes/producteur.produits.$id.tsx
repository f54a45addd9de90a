import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { archiveProduct, restoreProduct } from "~/domain/catalog/archive-product.server";
import { attachProductPhoto } from "~/domain/catalog/attach-product-photo.server";
import { assertOwnProduct, getProducerProduct } from "~/domain/catalog/get-producer-product.server";
import { parseProductInput, productToRaw } from "~/domain/catalog/product-input";
import { productInputContext } from "~/domain/catalog/product-input-context.server";
import { MAX_PHOTO_BYTES, PHOTO_MAX_SIDE, photoUrl } from "~/domain/catalog/product-photo";
import { removeProductPhoto } from "~/domain/catalog/remove-product-photo.server";
import { updateProduct } from "~/domain/catalog/update-product.server";
import { DomainError, isDomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { now } from "~/http/clock.server";
import { formFailure, pageError } from "~/http/errors.server";
import { localeOf } from "~/http/locale.server";
import { readPhotoUpload } from "~/http/photo-upload.server";
import { requireProducer } from "~/http/producer.server";
import { productFailure, productIssuesFailure, readProductForm, type ProductFormFailure } from "~/http/product-form.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert, PrimaryButton, SecondaryButton } from "~/ui/form";
import { ProductForm } from "~/ui/product-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.product.name ?? "Produit"} — Terre & Mer` }];

/** The product id of the URL, owned by the signed-in producer; anything else is a 404. */
async function ownProductId(request: Request, producerId: string, param: string | undefined): Promise<string> {
  const id = idField.safeParse(param);
  if (!id.success) throw pageError(request, new DomainError("not_found"));
  try {
    await assertOwnProduct({ producerId, productId: id.data });
  } catch (error) {
    if (isDomainError(error)) throw pageError(request, error);
    throw error;
  }
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const productId = await ownProductId(request, producer.id, params.id);
  const [product, context] = await Promise.all([getProducerProduct({ producerId: producer.id, productId }), productInputContext(producer.id)]);
  return {
    product: { id: product.id, name: product.name, archived: product.archivedAt !== null, offered: product.offerCount > 0, photo: product.photo },
    values: productToRaw(product),
    categories: context.categories,
    organicControlBody: context.organicControlBody,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  // Ownership first: another producer learns nothing, not even whether their input was valid.
  const productId = await ownProductId(request, producer.id, params.id);
  const here = `/producteur/produits/${productId}`;

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      const upload = await readPhotoUpload(request, { fieldName: "photo", maxBytes: MAX_PHOTO_BYTES });
      await attachProductPhoto({ producerId: producer.id, productId, bytes: upload.bytes, now: now() });
      return redirect(`${here}?photo=1`);
    } catch (error) {
      return productFailure(error, undefined, locale);
    }
  }

  const { intent, raw } = await readProductForm(request);
  try {
    switch (intent) {
      case "save": {
        const parsed = parseProductInput(raw, await productInputContext(producer.id));
        if (!parsed.ok) return productIssuesFailure(parsed.issues, raw, locale);
        await updateProduct({ producerId: producer.id, productId, input: parsed.value, now: now() });
        return redirect(`${here}?enregistre=1`);
      }
      case "archive": {
        const { outcome } = await archiveProduct({ producerId: producer.id, productId, now: now() });
        return redirect(outcome === "deleted" ? "/producteur/produits?supprime=1" : `${here}?archive=1`);
      }
      case "restore":
        await restoreProduct({ producerId: producer.id, productId, now: now() });
        return redirect(`${here}?restaure=1`);
      case "remove-photo":
        await removeProductPhoto({ producerId: producer.id, productId, now: now() });
        return redirect(`${here}?photo=0`);
      default:
        return formFailure(new DomainError("invalid", { field: "intent" }), locale);
    }
  } catch (error) {
    return productFailure(error, intent === "save" ? raw : undefined, locale);
  }
}

const NOTICES = [
  ["cree", "1", "products.created"],
  ["enregistre", "1", "products.saved"],
  ["photo", "1", "products.photo.saved"],
  ["photo", "0", "products.photo.removed"],
  ["archive", "1", "products.archived.done"],
  ["restaure", "1", "products.restored"],
] as const;

export default function EditProduct() {
  const { product, values, categories, organicControlBody } = useLoaderData<typeof loader>();
  const failure = useActionData<ProductFormFailure>();
  const busy = useNavigation().state !== "idle";
  const [params] = useSearchParams();
  const t = useT();
  const notice = failure ? null : NOTICES.find(([name, value]) => params.get(name) === value);
  const box = "mt-6 rounded-xl border border-slate-300 bg-white p-4";

  return (
    <div className="mx-auto max-w-2xl">
      <p><Link to="/producteur/produits" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("products.backToList")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("products.edit.title", { name: product.name })}</h1>
      <div className="mt-3">
        {failure && !failure.ok ? <FormAlert message={failure.message} /> : null}
        {notice ? <FormAlert tone="success" message={t(notice[2])} /> : null}
        {product.archived ? <p className="mb-4 rounded-lg bg-amber-50 p-3 font-semibold text-amber-900">{t("products.archived.banner")}</p> : null}
      </div>

      <section className={box} aria-labelledby="photo-title">
        <h2 id="photo-title" className="text-lg font-bold text-sea-900">{t("products.photo.title")}</h2>
        {product.photo ? (
          <img
            src={photoUrl(product.photo.id, 640)}
            width={product.photo.width}
            height={product.photo.height}
            alt={t("products.photo.alt", { name: product.name })}
            className="mt-2 h-auto max-h-64 w-auto max-w-full rounded-lg"
          />
        ) : (
          <p className="mt-2">{t("products.photo.none")}</p>
        )}
        <Form method="post" encType="multipart/form-data" className="mt-3">
          <label htmlFor="field-photo" className="block font-semibold">{t("products.photo.label")}</label>
          <p id="field-photo-hint" className="text-sm text-slate-700">
            {t("products.photo.hint", { megabytes: MAX_PHOTO_BYTES / (1024 * 1024), pixels: PHOTO_MAX_SIDE })}
          </p>
          <input
            id="field-photo"
            type="file"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="field-photo-hint"
            aria-invalid={failure?.fieldErrors.photo ? true : undefined}
            className="mt-1 block min-h-11 w-full text-base"
          />
          <div className="mt-3"><PrimaryButton disabled={busy}>{t("products.photo.upload")}</PrimaryButton></div>
        </Form>
        {product.photo ? (
          <Form method="post" className="mt-3">
            <SecondaryButton name="intent" value="remove-photo" disabled={busy}>{t("products.photo.remove")}</SecondaryButton>
          </Form>
        ) : null}
      </section>

      <p className="mt-6 rounded-lg bg-sea-50 p-3 text-sm">{t("products.offerPriceNote")}</p>
      <ProductForm
        key={JSON.stringify(values)}
        values={failure?.values ?? values}
        errors={failure?.fieldErrors ?? {}}
        categories={categories}
        organicControlBody={organicControlBody}
        submitLabel={t("products.save")}
        busy={busy}
      />

      <section className={box} aria-labelledby="archive-title">
        <h2 id="archive-title" className="text-lg font-bold text-sea-900">{t("products.archive.title")}</h2>
        {product.archived ? (
          <Form method="post" className="mt-2">
            <PrimaryButton name="intent" value="restore" disabled={busy}>{t("products.restore.button")}</PrimaryButton>
          </Form>
        ) : (
          <Form method="post" className="mt-2">
            <p className="mb-3 text-sm">{product.offered ? t("products.archive.hintOffered") : t("products.archive.hintNever")}</p>
            <SecondaryButton name="intent" value="archive" disabled={busy}>
              {product.offered ? t("products.archive.button") : t("products.delete.button")}
            </SecondaryButton>
          </Form>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
