import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCatalogue } from "~/domain/catalog/import/export-catalogue.server";
import { csvResponse } from "~/domain/preparation/preparation-csv";
import { parisIsoDate } from "~/domain/time/paris";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";

/** The producer's catalogue as the CSV the import reads (French Excel opens it as it is). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  return csvResponse(await exportCatalogue(producer.id), `catalogue-${producer.slug}-${parisIsoDate(now())}.csv`);
}
