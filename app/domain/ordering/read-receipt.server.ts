import { readRows } from "~/db.server";
import { DomainError } from "~/domain/errors";
import type { PickupPaymentMethodCode, Receipt, ReceiptLine, ReceiptSeller } from "~/domain/ordering/receipt";

type HandoverJson = {
  producerId: string;
  status: "COLLECTED" | "NOT_COLLECTED";
  recordedAt: string;
  name: string;
  address: string;
  postalCode: string | null;
  commune: string | null;
  siret: string | null;
};
type LineJson = ReceiptLine & { producerId: string; producerName: string; owedBackCents: number };
type PaymentJson = { producerId: string; method: PickupPaymentMethodCode; amountCents: number };

type ReceiptRow = {
  id: string;
  number: number;
  customerName: string;
  pointName: string;
  pointAddress: string;
  pointPostalCode: string;
  pointCommune: string;
  handovers: HandoverJson[];
  lines: LineJson[];
  payments: PaymentJson[];
};

/** Order ids are UUIDs; anything far from one is not looked up. */
const ORDER_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The receipt of the customer's own order, in ONE statement (the customer in the `where`): another
 * person's order, or an unknown id, is null — the routes answer 404 and tell nothing. An order of
 * theirs with no part handed over yet has no receipt: not_found with the sentence saying when it
 * will be there. Only the parts a producer handed over (Handover COLLECTED) are on it; the
 * producers of the order whose part is not (not yet recorded, or not collected) are named apart.
 */
export async function findOwnReceipt(input: { orderId: string; userId: string }): Promise<Receipt | null> {
  if (!ORDER_ID.test(input.orderId)) return null;
  const [row] = await readRows<ReceiptRow>(
    `SELECT o.id, o.number, u.name AS "customerName",
        pp.name AS "pointName", pp.address AS "pointAddress", pc."postalCode" AS "pointPostalCode", pc.name AS "pointCommune",
        COALESCE((SELECT json_agg(json_build_object('producerId', h."producerId", 'status', h.status, 'recordedAt', h."recordedAt",
                    'name', org.name, 'address', org.address, 'postalCode', oc."postalCode", 'commune', oc.name, 'siret', org.siret) ORDER BY org.name, org.id)
                  FROM "Handover" h JOIN "Organisation" org ON org.id = h."producerId" LEFT JOIN "Commune" oc ON oc."inseeCode" = org."communeInsee"
                  WHERE h."orderId" = o.id), '[]'::json) AS handovers,
        COALESCE((SELECT json_agg(json_build_object('producerId', l."producerId", 'producerName', lo.name, 'productName', l."productName", 'unit', l.unit,
                    'quantity', l.quantity, 'unitPriceCents', l."unitPriceCents", 'vatRateBp', l."vatRateBp", 'variableWeight', l."variableWeight",
                    'weighedGrams', l."weighedGrams", 'finalCents', l."finalCents", 'owedBackCents', l."owedBackCents") ORDER BY l."productName", l.id)
                  FROM "OrderLine" l JOIN "Organisation" lo ON lo.id = l."producerId" WHERE l."orderId" = o.id), '[]'::json) AS lines,
        COALESCE((SELECT json_agg(json_build_object('producerId', p."producerId", 'method', p.method, 'amountCents', p."amountCents") ORDER BY p."recordedAt", p.id)
                  FROM "PickupPayment" p WHERE p."orderId" = o.id), '[]'::json) AS payments
     FROM "Order" o
     JOIN "User" u ON u.id = o."userId"
     JOIN "Distribution" d ON d.id = o."distributionId"
     JOIN "PickupPoint" pp ON pp.id = d."pickupPointId"
     JOIN "Commune" pc ON pc."inseeCode" = pp."communeInsee"
     WHERE o.id = $1 AND o."userId" = $2`,
    [input.orderId, input.userId],
  );
  if (!row) return null;
  const collected = row.handovers.filter((handover) => handover.status === "COLLECTED");
  if (collected.length === 0) throw new DomainError("not_found", { messageKey: "receipt.notYet" });
  const sellers: ReceiptSeller[] = collected.map((handover) => ({
    producerId: handover.producerId,
    name: handover.name,
    address: handover.address,
    postalCode: handover.postalCode,
    commune: handover.commune,
    siret: handover.siret,
    handedOverAt: new Date(handover.recordedAt),
    lines: row.lines.filter((line) => line.producerId === handover.producerId).map(({ producerId: _producer, producerName: _name, owedBackCents: _owed, ...line }) => line),
    payments: row.payments.filter((payment) => payment.producerId === handover.producerId).map(({ method, amountCents }) => ({ method, amountCents })),
    owedBackCents: row.lines.filter((line) => line.producerId === handover.producerId).reduce((sum, line) => sum + line.owedBackCents, 0),
  }));
  const onReceipt = new Set(sellers.map((seller) => seller.producerId));
  const notOnReceipt = [...new Map(row.lines.filter((line) => !onReceipt.has(line.producerId)).map((line) => [line.producerId, line.producerName])).values()].sort((a, b) =>
    a.localeCompare(b, "fr"),
  );
  return {
    orderId: row.id,
    orderNumber: row.number,
    customerName: row.customerName,
    pickupPoint: { name: row.pointName, address: row.pointAddress, postalCode: row.pointPostalCode, commune: row.pointCommune },
    sellers,
    notOnReceipt,
  };
}
