import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireProducer } from "~/http/producer.server";
import { ErrorPage } from "~/ui/error-page";
import { SpaceFrame } from "~/ui/space-nav";

/** The producer space's frame: who you act for, and its sections. Every child checks again. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  return { producer: { name: producer.name, verified: producer.verified } };
}

const SECTIONS = [
  { to: "/producteur", key: "producer.nav.home", end: true },
  { to: "/producteur/produits", key: "producer.nav.products", end: false },
  { to: "/producteur/ventes", key: "producer.nav.sales", end: false },
  { to: "/producteur/preparation", key: "producer.nav.preparation", end: false },
  { to: "/producteur/bilan", key: "producer.nav.summary", end: false },
  { to: "/producteur/paiements", key: "cardStatement.nav", end: false },
  { to: "/producteur/label", key: "label.nav", end: false },
  { to: "/producteur/dons", key: "producer.nav.donations", end: false },
  { to: "/producteur/agenda", key: "producer.nav.agenda", end: false },
  { to: "/producteur/import", key: "producer.nav.import", end: false },
  { to: "/producteur/organisation", key: "producer.nav.organisation", end: false },
  { to: "/gestion/distributions", key: "producer.nav.distributions", end: false },
] as const;

export default function ProducerSpace() {
  const { producer } = useLoaderData<typeof loader>();
  return <SpaceFrame name={producer.name} label="producer.nav.label" sections={SECTIONS} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
