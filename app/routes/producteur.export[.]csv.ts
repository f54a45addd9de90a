import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCatalogue } from "~/domain/catalog/import/export-catalogue.server";
import { parisIsoDate } from "~/domain/time/paris";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";

/** The producer's catalogue as the CSV the import reads (French Excel opens it as it is). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const csv = await exportCatalogue(producer.id);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="catalogue-${producer.slug}-${parisIsoDate(now())}.csv"`,
      "cache-control": "no-store",
    },
  });
}
