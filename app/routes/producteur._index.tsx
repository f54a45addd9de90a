import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireProducer } from "~/http/producer.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  return { name: user.name, organisation: producer.name, verified: producer.verified };
}

export default function ProducerHome() {
  const page = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1 className="text-2xl font-bold text-sea-900">{t("producer.home.title", { name: page.name })}</h1>
      <p className={`mt-3 rounded-lg p-3 ${page.verified ? "bg-sea-50" : "bg-amber-50 text-amber-900"}`}>
        {page.verified ? t("producer.home.verified", { organisation: page.organisation }) : t("producer.home.pending", { organisation: page.organisation })}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
