import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readCharityPage } from "~/domain/directory/charity-page.server";
import { charityJsonLd, publicPageMeta, shortDescription } from "~/domain/directory/structured-data";
import { upcomingEventCards } from "~/domain/ess/upcoming-event-cards.server";
import { postalAddress } from "~/domain/postal-address";
import { now } from "~/http/clock.server";
import { localeOf } from "~/http/locale.server";
import { appUrl } from "~/http/request-context.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { UpcomingEvents } from "~/ui/upcoming-events";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Terre & Mer" }];
  const { charity, jsonLd } = data;
  const description = shortDescription(charity.description || `${charity.name}${charity.commune ? `, ${charity.commune}` : ""}`);
  return publicPageMeta({ title: `${charity.name} — Terre & Mer`, ogTitle: charity.name, description, ogType: "website", jsonLd });
};

/**
 * A charity's public page (issue 12): only for a verified charity that chose to appear in the
 * directory — its name, what it does, its commune, and its address, email and phone if it chose to
 * show them (« Réglages »); its coming events from the agenda. Nothing of its members, donations or
 * settings. schema.org Organization and Open Graph. Two statements; 404 otherwise.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const charity = await readCharityPage(params.slug ?? "");
  if (!charity) throw new Response("Not found", { status: 404 });
  const events = await upcomingEventCards({ organisationId: charity.id }, now(), localeOf(request));
  return { charity, events, jsonLd: charityJsonLd(charity, appUrl()) };
}

const sectionTitle = "text-xl font-bold text-sea-900";
const linkClass = "inline-flex min-h-11 items-center break-all text-sea-800 underline underline-offset-4";

export default function CharityPage() {
  const { charity, events } = useLoaderData<typeof loader>();
  const t = useT();
  const { contact } = charity;
  return (
    <article className="max-w-4xl">
      <p>
        <Link to="/annuaire" className="inline-flex min-h-11 items-center font-semibold text-sea-800 underline underline-offset-4">{t("directory.actor.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900 sm:text-3xl">{charity.name}</h1>
      <p className="mt-1 text-slate-800">
        <span className="font-semibold">{t("directory.kind.association")}</span>
        {charity.commune ? ` · ${charity.commune}` : ""}
      </p>

      <section aria-labelledby="what-title" className="mt-6">
        <h2 id="what-title" className={sectionTitle}>{t("directory.charity.what")}</h2>
        <p className="mt-2 whitespace-pre-line text-slate-900">{charity.description || t("directory.charity.noDescription")}</p>
      </section>

      <section aria-labelledby="contact-title" className="mt-6">
        <h2 id="contact-title" className={sectionTitle}>{t("directory.charity.contact")}</h2>
        {contact ? (
          <dl className="mt-2 grid grid-cols-1 items-baseline gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="charity-contact">
            {contact.address || charity.commune ? (
              <>
                <dt className="font-semibold">{t("directory.actor.address")}</dt>
                <dd>{postalAddress(contact.address, contact.postalCode, charity.commune)}</dd>
              </>
            ) : null}
            {contact.email ? (
              <>
                <dt className="font-semibold">{t("directory.actor.email")}</dt>
                <dd><a href={`mailto:${contact.email}`} className={linkClass}>{contact.email}</a></dd>
              </>
            ) : null}
            {contact.phone ? (
              <>
                <dt className="font-semibold">{t("directory.actor.phone")}</dt>
                <dd><a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} className={linkClass}>{contact.phone}</a></dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p className="mt-2">{t("directory.charity.noContact")}</p>
        )}
      </section>
      <UpcomingEvents events={events} />
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
