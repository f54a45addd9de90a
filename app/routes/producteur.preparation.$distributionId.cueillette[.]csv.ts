import type { LoaderFunctionArgs } from "@remix-run/node";
import { idField } from "~/domain/fields";
import { csvResponse, pickingCsv } from "~/domain/preparation/preparation-csv";
import { buildPickingList } from "~/domain/preparation/preparation-lists";
import { readPreparation } from "~/domain/preparation/read-preparation.server";
import { parisIsoDate } from "~/domain/time/paris";
import { now } from "~/http/clock.server";
import { requireProducer } from "~/http/producer.server";

/** The picking list (« à préparer ») as CSV: the same data as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const id = idField.safeParse(params.distributionId);
  const preparation = id.success ? await readPreparation(id.data, producer.id, now()) : null;
  if (!preparation) throw new Response("Not found", { status: 404 });
  return csvResponse(pickingCsv(buildPickingList(preparation.rows)), `cueillette-${parisIsoDate(preparation.distribution.startsAt)}.csv`);
}
