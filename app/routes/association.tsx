import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { isProcessingWorkshop } from "~/domain/donations/read-workshop.server";
import { requireCharity } from "~/http/charity.server";
import { ErrorPage } from "~/ui/error-page";
import { SpaceFrame } from "~/ui/space-nav";

/** The charity space's frame: who you act for, and its sections. Every child checks again. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { charity } = await requireCharity(request);
  return { charity: { name: charity.name, verified: charity.verified, processingWorkshop: await isProcessingWorkshop(charity.id) } };
}

const SECTIONS = [
  { to: "/association", key: "donations.nav.home", end: true, workshop: false },
  { to: "/association/lots", key: "donations.nav.lots", end: false, workshop: false },
  { to: "/association/retraits", key: "donations.nav.claims", end: false, workshop: false },
  { to: "/association/recus", key: "donations.nav.received", end: false, workshop: false },
  { to: "/association/atelier", key: "donations.nav.workshop", end: false, workshop: true },
  { to: "/association/factures", key: "donations.nav.invoices", end: false, workshop: false },
  { to: "/association/reglages", key: "donations.nav.settings", end: false, workshop: false },
] as const;

export default function CharitySpace() {
  const { charity } = useLoaderData<typeof loader>();
  return <SpaceFrame name={charity.name} label="donations.nav.label" sections={SECTIONS.filter((section) => !section.workshop || charity.processingWorkshop)} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
