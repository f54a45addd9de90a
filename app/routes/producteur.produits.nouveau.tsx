import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createProduct } from "~/domain/catalog/create-product.server";
import { parseProductInput } from "~/domain/catalog/product-input";
import { productInputContext } from "~/domain/catalog/product-input-context.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { requireProducer } from "~/http/producer.server";
import { productFailure, productIssuesFailure, readProductForm, type ProductFormFailure } from "~/http/product-form.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { FormAlert } from "~/ui/form";
import { ProductForm } from "~/ui/product-form";

export const meta: MetaFunction = () => [{ title: "Nouveau produit — Terre & Mer" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const context = await productInputContext(producer.id);
  return { categories: context.categories, organicControlBody: context.organicControlBody };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  const locale = localeOf(request, user.locale);
  const { raw } = await readProductForm(request);
  const parsed = parseProductInput(raw, await productInputContext(producer.id));
  if (!parsed.ok) return productIssuesFailure(parsed.issues, raw, locale);
  try {
    const product = await createProduct({ producerId: producer.id, input: parsed.value, now: now() });
    return redirect(`/producteur/produits/${product.id}?cree=1`);
  } catch (error) {
    return productFailure(error, raw, locale);
  }
}

export default function NewProduct() {
  const { categories, organicControlBody } = useLoaderData<typeof loader>();
  const failure = useActionData<ProductFormFailure>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <p><Link to="/producteur/produits" className="inline-flex min-h-11 items-center text-sea-700 underline">{t("products.backToList")}</Link></p>
      <h1 className="text-2xl font-bold text-sea-900">{t("products.new.title")}</h1>
      <div className="mt-3">{failure && !failure.ok ? <FormAlert message={failure.message} /> : null}</div>
      <ProductForm
        values={failure?.values ?? { kind: "PRODUCT", vatRate: "5,5" }}
        errors={failure?.fieldErrors ?? {}}
        categories={categories}
        organicControlBody={organicControlBody}
        submitLabel={t("products.create")}
        busy={busy}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
