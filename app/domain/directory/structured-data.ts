/**
 * What search engines and link previews read of the directory's pages (decision 030): schema.org
 * JSON-LD and Open Graph. Pure: built from what the page already read, with absolute addresses
 * under the site's public address (APP_URL).
 */

import { openingHoursSpecification, type OpeningRange } from "~/domain/directory/opening-hours";
import { centsToDecimal } from "~/domain/money";
import type { PublicProducerIdentity } from "~/domain/directory/producer-identity";

type Photo = { id: string };

export type ProducerForStructuredData = PublicProducerIdentity & {
  /** The week table of opening hours, as schema.org openingHoursSpecification (none when empty). */
  openingHoursWeek?: readonly OpeningRange[];
  photos: readonly Photo[];
};

/**
 * What the producer sells and at what price: the products and the offers of their next
 * distribution open for orders, as their DFC catalogue reads them (`readProducerCatalogue`, decision
 * 033). Prices exist per distribution: a product not on sale there is named without a price.
 */
export type OffersForStructuredData = {
  distribution: { id: string; cutoffAt: Date; point: { name: string; address: string; postalCode: string; commune: string } } | null;
  products: ReadonlyArray<{ name: string; categoryFr: string; photoId: string | null; offer: { priceCents: number; remaining: number } | null }>;
};

export type PointForStructuredData = {
  id: string;
  name: string;
  address: string;
  commune: string;
  postalCode: string;
  lat: number;
  lon: number;
  accessibilityNotes: string;
};

function base(appUrl: string): string {
  return appUrl.replace(/\/+$/, "");
}

export function photoAddress(appUrl: string, photoId: string, width = 1024): string {
  return `${base(appUrl)}/photos/${encodeURIComponent(photoId)}?w=${width}`;
}

function postalAddress(address: string, postalCode: string | null, commune: string | null) {
  return {
    "@type": "PostalAddress",
    streetAddress: address,
    ...(postalCode ? { postalCode } : {}),
    ...(commune ? { addressLocality: commune } : {}),
    addressCountry: "FR",
  };
}

/**
 * A producer as a schema.org LocalBusiness (an Organization with a place), its products offered in
 * euros at their next distribution open for orders: price, availability, until the cutoff, at the
 * pickup point, on that distribution's catalogue — never a list price no page shows.
 */
export function producerJsonLd(producer: ProducerForStructuredData, offers: OffersForStructuredData, appUrl: string) {
  const url = `${base(appUrl)}/producteurs/${encodeURIComponent(producer.slug)}`;
  const { distribution } = offers;
  return {
    "@context": "https://schema.org",
    "@type": "LocalBusiness",
    "@id": url,
    name: producer.name,
    url,
    ...(producer.description ? { description: producer.description } : {}),
    ...(producer.photos.length > 0 ? { image: producer.photos.map((photo) => photoAddress(appUrl, photo.id)) } : {}),
    address: postalAddress(producer.address, producer.postalCode, producer.commune),
    ...(producer.lat !== null && producer.lon !== null ? { geo: { "@type": "GeoCoordinates", latitude: producer.lat, longitude: producer.lon } } : {}),
    ...(producer.contactEmail ? { email: producer.contactEmail } : {}),
    ...(producer.contactPhone ? { telephone: producer.contactPhone } : {}),
    ...(producer.openingHoursWeek && producer.openingHoursWeek.length > 0 ? { openingHoursSpecification: openingHoursSpecification(producer.openingHoursWeek) } : {}),
    makesOffer: offers.products.map((product) => ({
      "@type": "Offer",
      ...(product.offer && distribution ? pricedAt(product.offer, distribution, appUrl) : {}),
      seller: { "@id": url },
      itemOffered: {
        "@type": "Product",
        name: product.name,
        category: product.categoryFr,
        ...(product.photoId ? { image: photoAddress(appUrl, product.photoId, 640) } : {}),
      },
    })),
  };
}

/** An offer's price at a distribution, as schema.org says it: exact euros, in stock or sold out, until the cutoff, where to collect. */
function pricedAt(offer: { priceCents: number; remaining: number }, distribution: NonNullable<OffersForStructuredData["distribution"]>, appUrl: string) {
  return {
    price: centsToDecimal(offer.priceCents),
    priceCurrency: "EUR",
    availability: offer.remaining > 0 ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
    validThrough: distribution.cutoffAt.toISOString(),
    url: `${base(appUrl)}/distributions/${encodeURIComponent(distribution.id)}`,
    availableAtOrFrom: { "@type": "Place", name: distribution.point.name, address: postalAddress(distribution.point.address, distribution.point.postalCode, distribution.point.commune) },
  };
}

/** A pickup point as a schema.org Place. */
export function pickupPointJsonLd(point: PointForStructuredData, appUrl: string) {
  const url = `${base(appUrl)}/points-de-retrait/${encodeURIComponent(point.id)}`;
  return {
    "@context": "https://schema.org",
    "@type": "Place",
    "@id": url,
    name: point.name,
    url,
    address: postalAddress(point.address, point.postalCode, point.commune),
    geo: { "@type": "GeoCoordinates", latitude: point.lat, longitude: point.lon },
    ...(point.accessibilityNotes ? { description: point.accessibilityNotes } : {}),
  };
}

/** A description for link previews: the first sentences of a text, at most `max` characters, cut on a word. */
export function shortDescription(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

export type EssActorForStructuredData = {
  slug: string;
  name: string;
  address: string;
  commune: string;
  postalCode: string;
  lat: number;
  lon: number;
  offer: string;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
};

/** An ESS actor as a schema.org Organization located at its place; its own website as `sameAs`. */
export function essActorJsonLd(actor: EssActorForStructuredData, appUrl: string) {
  const url = `${base(appUrl)}/acteurs/${encodeURIComponent(actor.slug)}`;
  const address = postalAddress(actor.address, actor.postalCode, actor.commune);
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": url,
    name: actor.name,
    url,
    ...(actor.offer ? { description: actor.offer } : {}),
    address,
    location: { "@type": "Place", address, geo: { "@type": "GeoCoordinates", latitude: actor.lat, longitude: actor.lon } },
    ...(actor.contactEmail ? { email: actor.contactEmail } : {}),
    ...(actor.contactPhone ? { telephone: actor.contactPhone } : {}),
    ...(actor.website ? { sameAs: [actor.website] } : {}),
  };
}

export type CharityForStructuredData = {
  slug: string;
  name: string;
  description: string;
  commune: string | null;
  contact: { address: string; postalCode: string | null; email: string | null; phone: string | null } | null;
};

/**
 * A charity as a schema.org Organization: its commune always, its street address, email and phone
 * only when it chose to show them (the page's rule: nothing more is said to search engines).
 */
export function charityJsonLd(charity: CharityForStructuredData, appUrl: string) {
  const url = `${base(appUrl)}/associations/${encodeURIComponent(charity.slug)}`;
  const { contact } = charity;
  const address = contact
    ? postalAddress(contact.address, contact.postalCode, charity.commune)
    : charity.commune
      ? { "@type": "PostalAddress", addressLocality: charity.commune, addressCountry: "FR" }
      : null;
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": url,
    name: charity.name,
    url,
    ...(charity.description ? { description: charity.description } : {}),
    ...(address ? { address } : {}),
    ...(contact?.email ? { email: contact.email } : {}),
    ...(contact?.phone ? { telephone: contact.phone } : {}),
  };
}

/**
 * The head of a public actor's page (producer, pickup point, ESS actor, charity): title,
 * description, Open Graph, the canonical address and the schema.org JSON-LD, written once so that
 * every such page is shared and indexed the same way.
 */
export function publicPageMeta(page: {
  title: string;
  ogTitle: string;
  description: string;
  ogType: "website" | "profile" | "place";
  jsonLd: { url: string };
  image?: string | null;
  /** Other `<link>`s (an alternate representation). */
  links?: Array<{ rel: string; type: string; href: string }>;
}) {
  return [
    { title: page.title },
    { name: "description", content: page.description },
    { property: "og:title", content: page.ogTitle },
    { property: "og:description", content: page.description },
    { property: "og:type", content: page.ogType },
    { property: "og:url", content: page.jsonLd.url },
    ...(page.image ? [{ property: "og:image", content: page.image }] : []),
    { tagName: "link", rel: "canonical", href: page.jsonLd.url },
    ...(page.links ?? []).map((link) => ({ tagName: "link", ...link })),
    { "script:ld+json": page.jsonLd },
  ];
}
