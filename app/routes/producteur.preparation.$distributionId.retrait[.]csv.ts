import type { LoaderFunctionArgs } from "@remix-run/node";
import { idField } from "~/domain/fields";
import { csvResponse, pickupCsv } from "~/domain/preparation/preparation-csv";
import { buildPickupSheet } from "~/domain/preparation/preparation-lists";
import { readPreparation } from "~/domain/preparation/read-preparation.server";
import { parisIsoDate } from "~/domain/time/paris";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";

/** The pickup sheet (« feuille de retrait ») as CSV, one row per order: the same data as the page and the API. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const id = idField.safeParse(params.distributionId);
  const preparation = id.success ? await readPreparation(id.data, producer.id, now()) : null;
  if (!preparation) throw new Response("Not found", { status: 404 });
  return csvResponse(pickupCsv(buildPickupSheet(preparation.rows)), `retrait-${parisIsoDate(preparation.distribution.startsAt)}.csv`);
}
