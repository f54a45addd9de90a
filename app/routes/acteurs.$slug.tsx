import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readEssActorPage } from "~/domain/directory/ess-actor-page.server";
import { essActorJsonLd, publicPageMeta, shortDescription } from "~/domain/directory/structured-data";
import { upcomingEventCards } from "~/domain/ess/upcoming-event-cards.server";
import { postalAddress } from "~/domain/postal-address";
import { env } from "~/env.server";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { DirectoryMap } from "~/ui/directory-map";
import { ErrorPage } from "~/ui/error-page";
import { UpcomingEvents } from "~/ui/upcoming-events";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Terre & Mer" }];
  const { actor, jsonLd } = data;
  const description = shortDescription(actor.offer || `${actor.name}, ${actor.commune}`);
  return publicPageMeta({ title: `${actor.name}, ${actor.commune} — Terre & Mer`, ogTitle: actor.name, description, ogType: "website", jsonLd });
};

/**
 * An ESS actor's public page (issue 12): a community garden, an insertion workshop, a Cigales club,
 * the business-creation hub or an ESS network, as the territory keeps it — kind, commune, position
 * on the map, what they offer, contact, and their coming events from the agenda; schema.org
 * Organization and Open Graph. Two statements; 404 unless the territory published them.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const actor = await readEssActorPage(params.slug ?? "");
  if (!actor) throw new Response("Not found", { status: 404 });
  const events = await upcomingEventCards({ essActorId: actor.id }, now(), localeOf(request));
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = env();
  return { actor, events, jsonLd: essActorJsonLd(actor, appUrl()), tiles: MAP_TILE_URL ? { url: MAP_TILE_URL, attribution: MAP_TILE_ATTRIBUTION } : null };
}

const sectionTitle = "text-xl font-bold text-sea-900";
const linkClass = "inline-flex min-h-11 items-center break-all text-sea-800 underline underline-offset-4";

export default function EssActorPage() {
  const { actor, events, tiles } = useLoaderData<typeof loader>();
  const t = useT();
  const hasContact = Boolean(actor.contactEmail || actor.contactPhone || actor.website);
  return (
    <article className="max-w-4xl">
      <p>
        <Link to="/annuaire" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("directory.actor.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{actor.name}</h1>
      <p className="mt-1 text-slate-800">
        <span className="font-semibold">{t(`essKind.${actor.kind}`)}</span>
        {` · ${actor.commune}`}
      </p>

      <section aria-labelledby="offer-title" className="mt-6">
        <h2 id="offer-title" className={sectionTitle}>{t("directory.actor.offer")}</h2>
        <p className="mt-2 whitespace-pre-line text-slate-900">{actor.offer || t("directory.actor.noOffer")}</p>
      </section>

      <div className="mt-6 grid grid-cols-1 gap-6 md:grid-cols-2">
        <section aria-labelledby="contact-title">
          <h2 id="contact-title" className={sectionTitle}>{t("directory.actor.contact")}</h2>
          <dl className="mt-2 grid grid-cols-1 items-baseline gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("directory.actor.address")}</dt>
            <dd data-testid="actor-address">{postalAddress(actor.address, actor.postalCode, actor.commune)}</dd>
            {actor.contactEmail ? (
              <>
                <dt className="font-semibold">{t("directory.actor.email")}</dt>
                <dd><a href={`mailto:${actor.contactEmail}`} className={linkClass}>{actor.contactEmail}</a></dd>
              </>
            ) : null}
            {actor.contactPhone ? (
              <>
                <dt className="font-semibold">{t("directory.actor.phone")}</dt>
                <dd><a href={`tel:${actor.contactPhone.replace(/[^\d+]/g, "")}`} className={linkClass}>{actor.contactPhone}</a></dd>
              </>
            ) : null}
            {actor.website ? (
              <>
                <dt className="font-semibold">{t("directory.actor.website")}</dt>
                <dd><a href={actor.website} target="_blank" rel="noopener noreferrer" aria-label={t("directory.actor.websiteOf", { name: actor.name })} className={linkClass}>{actor.website}</a></dd>
              </>
            ) : null}
          </dl>
          {hasContact ? null : <p className="mt-2">{t("directory.actor.noContact")}</p>}
        </section>
        <section aria-labelledby="where-title">
          <h2 id="where-title" className={sectionTitle}>{t("directory.actor.where")}</h2>
          <div className="mt-2">
            <DirectoryMap points={[{ id: actor.id, name: actor.name, lat: actor.lat, lon: actor.lon, href: null, label: actor.name }]} tiles={tiles} label={t("directory.actor.map", { name: actor.name })} zoomLabel={t("directory.map.zoom")} />
          </div>
        </section>
      </div>
      <UpcomingEvents events={events} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
