import { expect, test } from "vitest";
import { openApiDocument } from "~/http/openapi";

test("the OpenAPI document describes every endpoint of /api/v1 with schemas generated from zod", () => {
  const document = openApiDocument("http://localhost:3000");
  expect(Object.keys(document.paths).sort()).toEqual([
    "/claims",
    "/claims/{id}/cancel",
    "/claims/{id}/pickup",
    "/distributions",
    "/distributions/{id}/offers",
    "/donation-lots",
    "/donation-lots/{id}/claims",
    "/labels/{number}",
    "/offers/{id}",
    "/orders",
    "/orders/{id}",
    "/orders/{id}/cancel",
    "/producer/distributions/{id}/pickup-sheet",
    "/producer/offers",
    "/producers",
    "/producers/{slug}/dfc-catalog",
    "/session",
  ]);
  const placeOrder = document.components.schemas.PlaceOrder as { properties: Record<string, { enum?: string[]; type?: string }>; required: string[] };
  expect(placeOrder.required).toEqual(expect.arrayContaining(["distributionId", "lines", "paymentMethod"]));
  expect(placeOrder.properties.paymentMethod?.enum).toEqual(["at_pickup", "card"]);
  const offer = document.components.schemas.Offer as { properties: Record<string, unknown> };
  expect(Object.keys(offer.properties)).toEqual(
    expect.arrayContaining(["id", "kind", "name", "producer", "unit", "priceCents", "vatRate", "remaining", "organic", "allergens"]),
  );
  const placeOrderAnswers = (document.paths["/orders"] as { post: { responses: Record<string, unknown> } }).post.responses;
  expect(Object.keys(placeOrderAnswers)).toEqual(expect.arrayContaining(["201", "413", "503"]));
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, { responses: Record<string, unknown> }>)) {
      expect(Object.keys(operation.responses)).toContain("503");
    }
  }
});
