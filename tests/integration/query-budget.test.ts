import { expect, test } from "vitest";
import { z } from "zod";
import { statementsIssued } from "~/db.server";
import { loader as offersLoader } from "~/routes/api.v1.distributions.$id.offers";
import { createDistribution, createOffers } from "../factories";

/**
 * The offers endpoint costs the same few SQL statements whatever the size of the catalogue: no
 * query per offer (peers.md: Open Food Network's shopfronts ran ~11 queries per product).
 */

const BUDGET = 6;

async function offersEndpointCost(distributionId: string): Promise<{ statements: number; offers: number }> {
  const request = new Request(`http://localhost/api/v1/distributions/${distributionId}/offers`);
  const before = statementsIssued();
  const response = await offersLoader({ request, params: { id: distributionId }, context: {} });
  const statements = statementsIssued() - before;
  expect(response.status).toBe(200);
  const body = z.object({ offers: z.array(z.unknown()) }).parse(await response.json());
  return { statements, offers: body.offers.length };
}

test("the offers endpoint costs the same small number of SQL statements for 50 offers and for 1,000", async () => {
  const small = await createDistribution();
  const large = await createDistribution();
  await createOffers(small.id, 50);
  await createOffers(large.id, 1000);

  const smallCost = await offersEndpointCost(small.id);
  const largeCost = await offersEndpointCost(large.id);

  expect(smallCost.offers).toBe(50);
  expect(largeCost.offers).toBe(1000);
  expect(smallCost.statements).toBeGreaterThan(0);
  expect(smallCost.statements).toBeLessThanOrEqual(BUDGET);
  expect(largeCost.statements).toBe(smallCost.statements);
});

test("an empty or unknown distribution costs no more than the budget either", async () => {
  const empty = await createDistribution();
  const emptyCost = await offersEndpointCost(empty.id);
  expect(emptyCost.offers).toBe(0);
  expect(emptyCost.statements).toBeLessThanOrEqual(BUDGET);

  const unknownId = "distribution-inconnue";
  const before = statementsIssued();
  const response = await offersLoader({ request: new Request(`http://localhost/api/v1/distributions/${unknownId}/offers`), params: { id: unknownId }, context: {} });
  expect(response.status).toBe(404);
  expect(statementsIssued() - before).toBeLessThanOrEqual(BUDGET);
});
