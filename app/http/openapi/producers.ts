import { z } from "zod";
import { MAX_PAGE, NEAR_KM, PAGE_SIZE, SEARCH_MAX_LENGTH } from "~/domain/directory/directory-query";
import { PRODUCER_KIND_WORDS } from "~/domain/directory/producers-api";
import { error, json, ref, schema, type OpenApiPart } from "~/http/openapi/parts";

/** One producer or AMAP as GET /producers lists it (app/domain/directory/producers-api.ts `presentProducer`). */
export const apiProducerSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  type: z.enum(["producer", "amap"]),
  kind: z.enum(PRODUCER_KIND_WORDS).describe("The directory's kind word, the values the `type` parameter takes"),
  commune: z.object({ name: z.string(), inseeCode: z.string() }).nullable(),
  position: z.object({ lat: z.number(), lon: z.number() }).nullable().describe("Their own position, or their commune's centre"),
  distanceKm: z.number().nullable().describe("Great-circle km from the centre of the commune searched around (`pres`), to 0.1 km; null without `pres`"),
  categories: z.array(z.object({ fr: z.string(), en: z.string() })).describe("What they sell, by product category"),
  organic: z.boolean().describe("Certified organic"),
  labels: z.array(z.object({ number: z.string(), status: z.literal("granted"), verificationUrl: z.string() })).describe("Their products' « Produit local Dieppe Maritime » labels valid at the request's instant; GET /labels/{number} checks one"),
  pageUrl: z.string().describe("Their public page"),
  dfcCatalogUrl: z.string().describe("Their catalogue in the Data Food Consortium format: GET /producers/{slug}/dfc-catalog"),
});

const query = (name: string, description: string, type: Record<string, unknown> = { type: "string" }) => ({ name, in: "query", required: false, schema: type, description });

/** The directory's producers and their DFC catalogues, in the /api/v1 OpenAPI document (decision 033). */
export const producersApi: OpenApiPart = {
  schemas: { Producer: schema(apiProducerSchema) },
  paths: {
    "/producers": {
      get: {
        summary: "The directory's verified producers and AMAPs, with its filters and paging; each with its DFC catalogue. No account needed",
        description: `The same parameters as the public directory /annuaire. ${PAGE_SIZE} a page, sorted by name (nearest first with \`pres\`). An unknown or wrong parameter is a 400 naming each one.`,
        parameters: [
          query("q", `Words, each of which must match the name, the commune or what they sell; accents and case ignored (at most ${SEARCH_MAX_LENGTH} characters)`),
          query("type", "A kind of producer, or `amap`", { type: "string", enum: [...PRODUCER_KIND_WORDS] }),
          query("commune", "Only those of this commune (INSEE code)", { type: "string", pattern: "^[0-9][0-9AB][0-9]{3}$" }),
          query("pres", "Around this commune of the territory, by name (`dieppe`) or INSEE code; not with `commune`"),
          query("km", "The radius around `pres`; 0: in that commune only", { type: "string", enum: ["0", ...NEAR_KM.map(String)], default: "20" }),
          query("categorie", "Those who sell in this product category (its id)"),
          query("bio", "1: certified organic only", { type: "string", enum: ["0", "1"] }),
          query("label", "1: holding a « Produit local Dieppe Maritime » label valid now", { type: "string", enum: ["0", "1"] }),
          query("page", "Page number", { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 }),
        ],
        responses: {
          "200": {
            description: "One page of producers",
            content: json({
              type: "object",
              properties: {
                producers: { type: "array", items: ref("Producer") },
                total: { type: "integer", description: "How many match, all pages together" },
                page: { type: "integer" },
                pageSize: { type: "integer" },
                pageCount: { type: "integer" },
              },
            }),
          },
          "400": error("`invalid` with `issues`: each wrong or unknown parameter and why"),
        },
      },
    },
    "/producers/{slug}/dfc-catalog": {
      get: {
        summary: "A producer's catalogue in the Data Food Consortium format (JSON-LD, DFC business ontology 1.x). No account needed",
        description:
          "An Enterprise that supplies its products (SuppliedProduct) and maintains a Catalog of CatalogItems, each offered through an Offer with its Price (decimal euros, VAT rate in %, `dfc-m:Euro`) and stock (`stockLimitation`: what is left to order). Prices and stock exist per distribution here: they are those of the producer's next distribution open for orders, named in the Catalog's `dfc-b:description` (dates in Paris time, pickup point, its catalogue page) and given as a SaleSession hosted by the pickup point (PhysicalPlace). Products not on sale there are supplied products without an item or offer; with no distribution open, the document says so and has no offer. The `@context` is the one the official connector bundles (context_1.16.0.jsonld).",
        parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" }, example: "le-pourquoi-pas" }],
        responses: {
          "200": { description: "The catalogue", content: { "application/ld+json": { schema: { type: "object", properties: { "@context": { type: "string" }, "@graph": { type: "array", items: { type: "object" } } } } } } },
          "404": error("`not_found`: no verified producer or AMAP has this slug"),
        },
      },
    },
  },
};
