import type { SaleUnit } from "~/domain/catalog/units";
import type { CatalogueDistribution, CatalogueProduct, ProducerCatalogue } from "~/domain/directory/dfc-catalog-read.server";
import { photoAddress } from "~/domain/directory/structured-data";
import { centsToDecimal } from "~/domain/money";
import { postalAddress } from "~/domain/postal-address";
import { formatParis, formatParisTime } from "~/domain/time/paris";

/**
 * A producer's catalogue in the Data Food Consortium format (decision 033): JSON-LD in the terms
 * of the DFC business ontology 1.x that the official connector (@datafoodconsortium/connector
 * 1.0.0-beta.2) reads — an Enterprise that supplies SuppliedProducts and maintains a Catalog of
 * CatalogItems, each offered through an Offer with its Price (EUR, VAT rate) and stock. Pure: built
 * from what `readProducerCatalogue` read, with absolute identifiers under the site's address.
 *
 * Prices and stock exist per distribution here: the offers are those of the producer's next
 * distribution open for orders, and the document says so in words (the catalogue's description)
 * and in data (a SaleSession with its dates that lists the offers, hosted by the pickup point).
 */

/** The context the connector bundles and exports with: a reader resolves it without fetching anything. */
export const DFC_CONTEXT = "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_1.16.0.jsonld";

export const DFC_CONTENT_TYPE = "application/ld+json; charset=utf-8";

/** Where a producer's DFC catalogue lives: one stable address per producer, whatever the week. */
export function dfcCatalogUrl(appUrl: string, slug: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/v1/producers/${encodeURIComponent(slug)}/dfc-catalog`;
}

/** A VAT rate in basis points as a percentage, exactly and without trailing zeros: 550 → "5.5", 2000 → "20", 210 → "2.1". */
export function basisPointsToPercent(basisPoints: number): string {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) throw new Error(`Taux en points de base attendu : ${basisPoints}`);
  const digits = String(basisPoints).padStart(3, "0");
  const fraction = digits.slice(-2).replace(/0+$/, "");
  return fraction ? `${digits.slice(0, -2)}.${fraction}` : digits.slice(0, -2);
}

/** The DFC measures (taxonomy `dfc-m:`) of our sale units. */
const UNITS: Record<SaleUnit, string> = {
  PIECE: "dfc-m:Piece",
  BUNCH: "dfc-m:Bunch",
  KG: "dfc-m:Kilogram",
  G100: "dfc-m:Gram",
  DOZEN: "dfc-m:Dozen",
  LITRE: "dfc-m:Litre",
};

/** What one sale unit holds, as a DFC quantity: 1 kg, 100 g, 1 L, a dozen, a bunch, a piece — or a packed piece's net grams. */
export function dfcQuantity(product: Pick<CatalogueProduct, "unit" | "netQuantityGrams">): { value: string; unit: string } {
  if (product.unit === "G100") return { value: "100", unit: UNITS.G100 };
  if (product.unit === "PIECE" && product.netQuantityGrams !== null && product.netQuantityGrams > 0) {
    return { value: String(product.netQuantityGrams), unit: "dfc-m:Gram" };
  }
  return { value: "1", unit: UNITS[product.unit] };
}

/**
 * Our categories in the DFC product types (taxonomy `dfc-pt:` of the 1.x releases), where one fits:
 * that taxonomy has no fish, shellfish or basket, so those products carry no type rather than a wrong one.
 */
const PRODUCT_TYPES: Readonly<Record<string, string>> = {
  legumes: "dfc-pt:vegetable",
  fruits: "dfc-pt:fruit",
  cremerie: "dfc-pt:dairy-product",
  viandes: "dfc-pt:meat-product",
  boulangerie: "dfc-pt:bakery",
  boissons: "dfc-pt:drink",
  epicerie: "dfc-pt:local-grocery-store",
};

export function dfcProductType(categoryId: string): string | null {
  return Object.hasOwn(PRODUCT_TYPES, categoryId) ? PRODUCT_TYPES[categoryId]! : null;
}

/** A certified organic product: the EU organic logo, which every certified product carries, and France's AB. */
const ORGANIC_CERTIFICATIONS = ["dfc-f:Organic-EU", "dfc-f:Organic-AB"];

/** Which distribution the prices and stock are those of, in French then English, dates in Paris time. */
export function publishedFor(distribution: CatalogueDistribution | null, appUrl: string): string {
  if (!distribution) {
    return (
      "Aucune distribution de ce producteur n'est ouverte aux commandes en ce moment : ce catalogue ne publie donc ni prix ni stock, seulement les produits. " +
      "None of this producer's distributions takes orders at the moment, so this catalogue publishes no price or stock, only the products."
    );
  }
  const { point } = distribution;
  const catalogue = `${appUrl.replace(/\/+$/, "")}/distributions/${encodeURIComponent(distribution.id)}`;
  const where = `« ${point.name} », ${postalAddress(point.address, point.postalCode, point.commune)}`;
  const times = (locale: "fr" | "en") => `${formatParis(distribution.startsAt, locale)}–${formatParisTime(distribution.endsAt)}`;
  return (
    `Prix et stocks de la prochaine distribution ouverte aux commandes : le ${times("fr")} (heure de Paris), au point de retrait ${where} ; ` +
    `commandes jusqu'au ${formatParis(distribution.cutoffAt, "fr")} ; son catalogue : ${catalogue}. Les produits sans offre ne sont pas en vente à cette distribution. ` +
    `Prices and stock of the next distribution taking orders: ${times("en")} (Paris time), at the pickup point ${where}; ` +
    `orders until ${formatParis(distribution.cutoffAt, "en")}; its catalogue: ${catalogue}. Products without an offer are not on sale at this distribution.`
  );
}

type Node = Record<string, unknown>;

/** The whole catalogue as one JSON-LD document (`@graph`), ready to serialise. */
export function dfcCatalogDocument(catalogue: ProducerCatalogue, appUrl: string) {
  const base = dfcCatalogUrl(appUrl, catalogue.slug);
  const page = `${appUrl.replace(/\/+$/, "")}/producteurs/${encodeURIComponent(catalogue.slug)}`;
  const id = {
    enterprise: `${base}#enterprise`,
    address: `${base}#address`,
    catalog: `${base}#catalog`,
    product: (product: CatalogueProduct) => `${base}#product-${product.id}`,
    item: (product: CatalogueProduct) => `${base}#item-${product.id}`,
    offer: (offerId: string) => `${base}#offer-${offerId}`,
  };
  const offered = catalogue.distribution ? catalogue.products.filter((product) => product.offer !== null) : [];
  const statement = publishedFor(catalogue.distribution, appUrl);

  const enterprise: Node = {
    "@id": id.enterprise,
    "@type": "dfc-b:Enterprise",
    "dfc-b:name": catalogue.name,
    ...(catalogue.description ? { "dfc-b:hasDescription": catalogue.description } : {}),
    "dfc-b:hasAddress": id.address,
    ...(catalogue.contactEmail ? { "dfc-b:email": catalogue.contactEmail } : {}),
    "dfc-b:websitePage": page,
    "dfc-b:supplies": catalogue.products.map(id.product),
    "dfc-b:maintains": id.catalog,
    "dfc-b:manages": offered.map(id.item),
  };

  const address: Node = {
    "@id": id.address,
    "@type": "dfc-b:Address",
    ...(catalogue.address ? { "dfc-b:hasStreet": catalogue.address } : {}),
    ...(catalogue.postalCode ? { "dfc-b:hasPostalCode": catalogue.postalCode } : {}),
    ...(catalogue.commune ? { "dfc-b:hasCity": catalogue.commune } : {}),
    ...(catalogue.lat !== null && catalogue.lon !== null ? { "dfc-b:latitude": String(catalogue.lat), "dfc-b:longitude": String(catalogue.lon) } : {}),
  };

  const products: Node[] = catalogue.products.map((product) => {
    const type = dfcProductType(product.categoryId);
    const quantity = dfcQuantity(product);
    return {
      "@id": id.product(product),
      "@type": "dfc-b:SuppliedProduct",
      "dfc-b:name": product.name,
      ...(product.description ? { "dfc-b:description": product.description } : {}),
      ...(type ? { "dfc-b:hasType": type } : {}),
      "dfc-b:hasQuantity": { "@type": "dfc-b:QuantitativeValue", "dfc-b:value": quantity.value, "dfc-b:hasUnit": quantity.unit },
      ...(product.organic ? { "dfc-b:hasCertification": ORGANIC_CERTIFICATIONS } : {}),
      ...(product.photoId ? { "dfc-b:image": photoAddress(appUrl, product.photoId, 640) } : {}),
      ...(product.offer && catalogue.distribution ? { "dfc-b:referencedBy": id.item(product) } : {}),
    };
  });

  const items: Node[] = offered.map((product) => ({
    "@id": id.item(product),
    "@type": "dfc-b:CatalogItem",
    "dfc-b:sku": product.reference ?? product.id,
    "dfc-b:stockLimitation": String(product.offer!.remaining),
    "dfc-b:references": id.product(product),
    "dfc-b:offeredThrough": id.offer(product.offer!.id),
    "dfc-b:listedIn": id.catalog,
  }));

  const offers: Node[] = offered.map((product) => ({
    "@id": id.offer(product.offer!.id),
    "@type": "dfc-b:Offer",
    // The bundled context does not type this one as a reference: say it is one.
    "dfc-b:offeredItem": { "@id": id.item(product) },
    "dfc-b:hasPrice": {
      "@type": "dfc-b:Price",
      "dfc-b:value": centsToDecimal(product.offer!.priceCents),
      "dfc-b:VATrate": basisPointsToPercent(product.vatRateBp),
      "dfc-b:hasUnit": "dfc-m:Euro",
    },
    "dfc-b:stockLimitation": String(product.offer!.remaining),
  }));

  const catalog: Node = {
    "@id": id.catalog,
    "@type": "dfc-b:Catalog",
    "dfc-b:description": statement,
    "dfc-b:maintainedBy": id.enterprise,
    "dfc-b:lists": offered.map(id.item),
  };

  const distribution = catalogue.distribution;
  const session: Node[] = distribution
    ? [
        {
          "@id": `${base}#sale-session-${distribution.id}`,
          "@type": "dfc-b:SaleSession",
          "dfc-b:beginDate": distribution.startsAt.toISOString(),
          "dfc-b:endDate": distribution.endsAt.toISOString(),
          "dfc-b:lists": offers.map((offer) => offer["@id"]),
        },
        {
          "@id": `${base}#pickup-point-${distribution.point.id}`,
          "@type": "dfc-b:PhysicalPlace",
          "dfc-b:name": distribution.point.name,
          "dfc-b:hasAddress": {
            "@type": "dfc-b:Address",
            "dfc-b:hasStreet": distribution.point.address,
            "dfc-b:hasPostalCode": distribution.point.postalCode,
            "dfc-b:hasCity": distribution.point.commune,
            "dfc-b:latitude": String(distribution.point.lat),
            "dfc-b:longitude": String(distribution.point.lon),
          },
          "dfc-b:hosts": `${base}#sale-session-${distribution.id}`,
        },
      ]
    : [];

  return { "@context": DFC_CONTEXT, "@graph": [enterprise, address, catalog, ...products, ...items, ...offers, ...session] };
}
