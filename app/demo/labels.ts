import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import { labelNumber, validityEnd } from "~/domain/label/label-criteria";

type DemoLabel = {
  product: string;
  status: "GRANTED" | "SUSPENDED" | "PENDING";
  productClass: "FARM" | "SEA_CAUGHT" | "PROCESSED";
  place: { name: string; lat: number; lon: number };
  landingPort?: string;
  faoArea?: string;
  declaredLocalSharePercent?: number;
  /** Days from `now` to the grant (negative: in the past); none for an application not decided yet. */
  grantedDaysAgo?: number;
  reason?: string;
};

const REVIEWER = "Service ESS de l'agglomération Dieppe-Maritime";
const DAY = 86_400_000;

/**
 * The demo territory's labels « Produit local Dieppe Maritime » (issue 12), so a newcomer sees every
 * public state: granted, one expiring within the month, one expired, one suspended, and an
 * application waiting with its evidence. Relative to `now`, numbered by the year of their grant, with
 * the yearly counters set after them so the next real grant takes the next number.
 */
const DEMO_LABELS: DemoLabel[] = [
  { product: "ancourt-cidre-brut", status: "GRANTED", productClass: "PROCESSED", place: { name: "Manoir d'Ancourt, pressoir", lat: 49.9117, lon: 1.1797 }, declaredLocalSharePercent: 100, grantedDaysAgo: 120 },
  { product: "pourquoi-pas-sole", status: "GRANTED", productClass: "SEA_CAUGHT", place: { name: "Quai Henri IV, Dieppe", lat: 49.927, lon: 1.086 }, landingPort: "DIEPPE", faoArea: "27.7.d", grantedDaysAgo: 60 },
  // Expires within the month: its renewal reminder is due.
  { product: "falaises-carottes", status: "GRANTED", productClass: "FARM", place: { name: "Les Jardins des Falaises", lat: 49.905, lon: 1.03 }, grantedDaysAgo: 345 },
  // Expired: no longer shown as valid anywhere, and its verification says so.
  { product: "sauqueville-beurre-doux", status: "GRANTED", productClass: "PROCESSED", place: { name: "Ferme laitière de Sauqueville", lat: 49.857, lon: 1.063 }, declaredLocalSharePercent: 98, grantedDaysAgo: 400 },
  { product: "coteaux-oeufs-12", status: "SUSPENDED", productClass: "FARM", place: { name: "Volailles des Coteaux", lat: 49.88, lon: 1.2 }, grantedDaysAgo: 200, reason: "Contrôle de traçabilité en cours : registre des lots incomplet à la visite du 3 novembre." },
  { product: "ancourt-poire", status: "PENDING", productClass: "PROCESSED", place: { name: "Manoir d'Ancourt, pressoir", lat: 49.9117, lon: 1.1797 }, declaredLocalSharePercent: 100 },
];

export async function loadDemoLabels(tx: Tx, now: Date, productId: (key: string) => string): Promise<number> {
  const counters = new Map<number, number>();
  const grants = DEMO_LABELS.filter((label) => label.grantedDaysAgo !== undefined).sort((a, b) => (b.grantedDaysAgo ?? 0) - (a.grantedDaysAgo ?? 0));
  const numbers = new Map<string, string>();
  for (const label of grants) {
    const grantedAt = new Date(now.getTime() - (label.grantedDaysAgo ?? 0) * DAY);
    const year = Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/Paris" }).format(grantedAt));
    const sequence = (counters.get(year) ?? 0) + 1;
    counters.set(year, sequence);
    numbers.set(label.product, labelNumber(year, sequence));
  }
  for (const label of DEMO_LABELS) {
    const id = randomUUID();
    const grantedAt = label.grantedDaysAgo !== undefined ? new Date(now.getTime() - label.grantedDaysAgo * DAY) : null;
    const submittedAt = new Date((grantedAt ?? now).getTime() - 12 * DAY);
    await tx.label.create({
      data: {
        id,
        productId: productId(label.product),
        status: label.status,
        productClass: label.productClass,
        placeName: label.place.name,
        placeLat: label.place.lat,
        placeLon: label.place.lon,
        landingPort: label.landingPort ?? null,
        faoArea: label.faoArea ?? null,
        declaredLocalSharePercent: label.declaredLocalSharePercent ?? null,
        lotTraceability: true,
        submittedAt,
        reason: label.reason ?? null,
        number: numbers.get(label.product) ?? null,
        grantedAt,
        validFrom: grantedAt,
        validUntil: grantedAt ? validityEnd(grantedAt) : null,
      },
    });
    const events: Array<{ at: Date; kind: "APPLIED" | "VISIT_RECORDED" | "GRANTED" | "SUSPENDED"; actorName: string; fromStatus: "PENDING" | "GRANTED" | null; toStatus: "PENDING" | "GRANTED" | "SUSPENDED"; reason?: string }> = [
      { at: submittedAt, kind: "APPLIED", actorName: "Producteur (démo)", fromStatus: null, toStatus: "PENDING" },
    ];
    if (grantedAt) {
      events.push({ at: new Date(grantedAt.getTime() - 3 * DAY), kind: "VISIT_RECORDED", actorName: REVIEWER, fromStatus: "PENDING", toStatus: "PENDING" });
      events.push({ at: grantedAt, kind: "GRANTED", actorName: REVIEWER, fromStatus: "PENDING", toStatus: "GRANTED" });
    }
    if (label.status === "SUSPENDED") events.push({ at: new Date(now.getTime() - 30 * DAY), kind: "SUSPENDED", actorName: REVIEWER, fromStatus: "GRANTED", toStatus: "SUSPENDED", reason: label.reason });
    await tx.labelEvent.createMany({ data: events.map((event) => ({ id: randomUUID(), labelId: id, actorId: null, reason: null, ...event })) });
  }
  for (const [year, lastSequence] of counters) {
    await tx.labelNumberCounter.upsert({ where: { year }, create: { year, lastSequence }, update: { lastSequence } });
  }
  return DEMO_LABELS.length;
}
