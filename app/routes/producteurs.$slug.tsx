import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readProducerProfile } from "~/domain/directory/producer-profile.server";
import { readProducerCatalogue } from "~/domain/directory/dfc-catalog-read.server";
import { dfcCatalogUrl } from "~/domain/directory/dfc-catalog";
import { upcomingEventCards } from "~/domain/ess/upcoming-event-cards.server";
import { localeOf } from "~/http/locale.server";
import { photoAddress, producerJsonLd, publicPageMeta, shortDescription } from "~/domain/directory/structured-data";
import { kindWordOf } from "~/domain/directory/directory-query";
import { openingWeekRows } from "~/domain/directory/opening-hours";
import { postalAddress } from "~/domain/postal-address";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";
import { useLocale, useT } from "~/i18n/use-t";
import { DirectoryMap } from "~/ui/directory-map";
import { UpcomingEvents } from "~/ui/upcoming-events";
import { ErrorPage } from "~/ui/error-page";
import { dateTime, longDate, timeRange } from "~/ui/format";
import { OrganisationPicture, ProductPicture } from "~/ui/product-picture";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Terre & Mer" }];
  const { profile, jsonLd, site, catalogue } = data;
  const description = shortDescription(profile.description || `${profile.name}${profile.commune ? `, ${profile.commune}` : ""}`);
  const firstPhoto = profile.photos[0] ?? profile.products.find((product) => product.photo)?.photo ?? null;
  return publicPageMeta({
    title: `${profile.name} — Terre & Mer`,
    ogTitle: profile.name,
    description,
    ogType: "profile",
    jsonLd,
    image: firstPhoto ? photoAddress(site, firstPhoto.id) : null,
    // Their catalogue in the Data Food Consortium format, for programs that read the page first (decision 033).
    links: [{ rel: "alternate", type: "application/ld+json", href: catalogue }],
  });
};

/**
 * A producer's (or an AMAP's) public page (issue 12, decision 030): story, photos, what they sell,
 * where and when to collect it (their coming distributions, each linked to its catalogue),
 * certifications, opening hours, visits, contact; schema.org LocalBusiness and Open Graph for
 * search engines and link previews. One statement; 404 unless the territory verified them.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const at = now();
  const profile = await readProducerProfile(params.slug ?? "", at);
  if (!profile) throw new Response("Not found", { status: 404 });
  // Their coming visits and open days, as on /agenda (one statement).
  const events = await upcomingEventCards({ organisationId: profile.id }, at, localeOf(request));
  // The prices search engines read are those of their next open distribution, as in their DFC catalogue (one statement).
  const offers = await readProducerCatalogue(profile.slug, at);
  const site = appUrl();
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = env();
  return {
    profile,
    events,
    jsonLd: producerJsonLd(profile, offers ?? { distribution: null, products: [] }, site),
    catalogue: dfcCatalogUrl(site, profile.slug),
    site,
    tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null,
  };
}

const sectionTitle = "text-xl font-bold text-sea-900";

export default function ProducerPage() {
  const { profile, events, tiles } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const kind = profile.kind === "AMAP" ? "amap" : kindWordOf("producer", profile.producerKind);
  const labelled = profile.products.filter((product) => product.labelNumber !== null);
  const mapped = profile.lat !== null && profile.lon !== null ? [{ id: profile.id, name: profile.name, lat: profile.lat, lon: profile.lon, href: null, label: profile.name }] : [];
  return (
    <article className="max-w-4xl">
      <p>
        <Link to="/annuaire" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("directory.producer.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{profile.name}</h1>
      <p className="mt-1 text-slate-800">
        <span className="font-semibold">{t(`directory.kind.${kind}`)}</span>
        {profile.commune ? ` · ${profile.commune}` : ""}
      </p>
      {labelled.length > 0 ? (
        <section aria-labelledby="labels-title" className="mt-3 rounded-lg border-2 border-amber-300 bg-amber-50 p-3">
          <h2 id="labels-title" className="font-bold text-amber-900">{t("directory.producer.labels")}</h2>
          <ul className="mt-1" data-testid="producer-labels">
            {labelled.map((product) => (
              <li key={product.id}>
                {locale === "en" && product.nameEn ? product.nameEn : product.name} —{" "}
                <Link to={`/label/${encodeURIComponent(product.labelNumber ?? "")}`} aria-label={t("directory.producer.labelCheck", { number: product.labelNumber ?? "" })} className="inline-flex min-h-11 items-center font-semibold text-amber-900 underline underline-offset-4">
                  {t("directory.producer.labelNumber", { number: product.labelNumber ?? "" })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {profile.photos.length > 0 ? (
        <section aria-labelledby="photos-title" className="mt-4">
          <h2 id="photos-title" className="sr-only">{t("directory.producer.photos")}</h2>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {profile.photos.map((photo, index) => (
              <li key={photo.id} className={index === 0 ? "col-span-2 sm:col-span-2" : ""}>
                <OrganisationPicture photo={photo} alt={t("directory.producer.photoAlt", { name: profile.name, number: index + 1 })} sizes={index === 0 ? "(min-width: 640px) 66vw, 100vw" : "(min-width: 640px) 33vw, 50vw"} eager={index === 0} className="h-auto w-full rounded-lg" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {profile.description ? (
        <section aria-labelledby="story-title" className="mt-6">
          <h2 id="story-title" className={sectionTitle}>{t("directory.producer.story")}</h2>
          <p className="mt-2 whitespace-pre-line text-slate-900">{profile.description}</p>
        </section>
      ) : null}

      <section aria-labelledby="where-title" className="mt-6">
        <h2 id="where-title" className={sectionTitle}>{t("directory.producer.where")}</h2>
        {profile.distributions.length === 0 ? (
          <p className="mt-2">{t("directory.producer.noDistributions")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-300 bg-white" data-testid="producer-distributions">
            {profile.distributions.map((distribution) => (
              <li key={distribution.id} className="p-3">
                <p className="font-semibold">
                  {longDate(distribution.startsAt, locale)}, {timeRange(distribution.startsAt, distribution.endsAt)}
                </p>
                <p>
                  <Link to={`/points-de-retrait/${distribution.pointId}`} className="inline-flex min-h-11 items-center text-sea-800 underline underline-offset-4">{distribution.pointName}</Link>
                  {`, ${distribution.commune}`}
                </p>
                <p className="text-sm text-slate-700">{t("directory.producer.orderUntil", { date: dateTime(distribution.cutoffAt, locale) })}</p>
                <Link to={`/distributions/${distribution.id}`} className="mt-1 inline-flex min-h-11 items-center rounded-lg bg-sea-800 px-4 font-semibold text-white hover:bg-sea-900">
                  {t("directory.producer.seeCatalogue")}
                  <span className="sr-only"> — {longDate(distribution.startsAt, locale)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sells-title" className="mt-6">
        <h2 id="sells-title" className={sectionTitle}>{t("directory.producer.sells")}</h2>
        {profile.products.length === 0 ? (
          <p className="mt-2">{t("directory.producer.noProducts")}</p>
        ) : (
          <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="producer-products">
            {profile.products.map((product) => (
              <li key={product.id} className="rounded-lg border border-slate-300 bg-white p-2">
                <ProductPicture photo={product.photo} category={product.categoryId} alt="" sizes="(min-width: 640px) 33vw, 50vw" className="h-auto w-full rounded" />
                <p className="mt-1 font-semibold">{locale === "en" && product.nameEn ? product.nameEn : product.name}</p>
                <p className="text-sm text-slate-700">{locale === "en" ? product.categoryEn : product.categoryFr}</p>
                {product.labelNumber ? <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">{t("directory.producer.labelNumber", { number: product.labelNumber })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="certifications-title" className="mt-6">
        <h2 id="certifications-title" className={sectionTitle}>{t("directory.producer.certifications")}</h2>
        <p className="mt-2">
          {profile.organicCertified
            ? profile.organicControlBody
              ? t("directory.producer.organic", { body: profile.organicControlBody })
              : t("directory.producer.organicNoBody")
            : t("directory.producer.noCertification")}
        </p>
      </section>

      {profile.openingHoursWeek.length > 0 || profile.openingHours ? (
        <section aria-labelledby="hours-title" className="mt-6">
          <h2 id="hours-title" className={sectionTitle}>{t("directory.producer.hours")}</h2>
          {profile.openingHoursWeek.length > 0 ? (
            <table className="mt-2 w-full max-w-md border-collapse text-left" data-testid="opening-hours">
              <tbody>
                {openingWeekRows(profile.openingHoursWeek).map((row) => (
                  <tr key={row.day} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 font-semibold">{t(`directory.field.week.day.${row.day}`)}</th>
                    <td className="py-2">
                      {row.ranges.length === 0
                        ? <span className="text-slate-700">{t("directory.field.week.closed")}</span>
                        : row.ranges.map((range) => t("directory.field.week.range", { opens: range.opens, closes: range.closes })).join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {profile.openingHours ? <p className="mt-2 whitespace-pre-line">{profile.openingHours}</p> : null}
        </section>
      ) : null}

      {profile.visits || profile.visitBooking ? (
        <section aria-labelledby="visits-title" className="mt-6">
          <h2 id="visits-title" className={sectionTitle}>{t("directory.producer.visits")}</h2>
          {profile.visits ? <p className="mt-2 whitespace-pre-line">{profile.visits}</p> : null}
          {profile.visitBooking ? <p className="mt-2 font-semibold">{t("directory.producer.visitBooking", { how: profile.visitBooking })}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="contact-title" className="mt-6">
        <h2 id="contact-title" className={sectionTitle}>{t("directory.producer.contact")}</h2>
        <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("directory.producer.address")}</dt>
          <dd>{postalAddress(profile.address, profile.postalCode, profile.commune)}</dd>
          {profile.contactEmail ? (
            <>
              <dt className="font-semibold">{t("directory.producer.email")}</dt>
              <dd><a href={`mailto:${profile.contactEmail}`} className="inline-flex min-h-11 items-center break-all text-sea-800 underline underline-offset-4">{profile.contactEmail}</a></dd>
            </>
          ) : null}
          {profile.contactPhone ? (
            <>
              <dt className="font-semibold">{t("directory.producer.phone")}</dt>
              <dd><a href={`tel:${profile.contactPhone.replace(/[^\d+]/g, "")}`} className="inline-flex min-h-11 items-center text-sea-800 underline underline-offset-4">{profile.contactPhone}</a></dd>
            </>
          ) : null}
        </dl>
        {mapped.length > 0 ? (
          <div className="mt-3 max-w-md">
            <DirectoryMap points={mapped} tiles={tiles} label={t("directory.producer.mapLabel", { name: profile.name })} zoomLabel={t("directory.map.zoom")} />
          </div>
        ) : null}
      </section>
      <UpcomingEvents events={events} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
