import type { Tx } from "~/db.server";
import { searchKey } from "~/domain/ess/search-key";
import { addParisDays, parisDateTime, parisIsoDate } from "~/domain/time/paris";
import type { EssActorKind, EventKind } from "~/generated/prisma/client";

/**
 * The guide's other actors and the agenda in the demo territory (issue 12): a few ESS actors of
 * each kind the territory's action plan names (shared/context: community gardens with the social
 * centres, insertion workshops, a Cigales club, the business-creation hub, the ESS support
 * networks), one left unpublished to show the admin's state, and coming events of every kind —
 * the yearly ESS forum, a solidarity market, farm and boat visits, an open day — dated from `now`
 * in Paris time. Addresses are real streets; e-mails and phone numbers are demo ones.
 */
type DemoActor = { key: string; name: string; kind: EssActorKind; communeInsee: string; address: string; lat: number; lon: number; offer: string; contactEmail?: string; contactPhone?: string; website?: string; published?: boolean };

export const DEMO_ESS_ACTORS: readonly DemoActor[] = [
  { key: "jardin-val-druel", name: "Jardin partagé du Val Druel", kind: "COMMUNITY_GARDEN", communeInsee: "76217", address: "Rue Henri Dunant", lat: 49.9103, lon: 1.0628, offer: "Parcelles familiales et planche collective animées avec le centre social ; ateliers semis, compost et cuisine des légumes du jardin le samedi matin.", contactEmail: "jardin.valdruel@demo.terre-et-mer.test" },
  { key: "jardin-neuville", name: "Jardins partagés de Neuville", kind: "COMMUNITY_GARDEN", communeInsee: "76217", address: "Rue Jean Puech, Neuville-lès-Dieppe", lat: 49.9294, lon: 1.0941, offer: "Jardin d'habitants avec une vocation d'insertion : parcelles, récupérateurs d'eau, troc de plants au printemps.", contactPhone: "02 35 00 10 20" },
  { key: "jardin-arques", name: "Jardin collectif d'Arques-la-Bataille", kind: "COMMUNITY_GARDEN", communeInsee: "76026", address: "Chemin du Halage", lat: 49.8806, lon: 1.1279, offer: "Jardin au bord de l'Arques : parcelles partagées, verger conservatoire, accueil des écoles.", contactEmail: "jardin.arques@demo.terre-et-mer.test", published: false },
  { key: "chantier-sentiers", name: "Chantier d'insertion des sentiers du littoral", kind: "INSERTION_WORKSHOP", communeInsee: "76720", address: "Route du Phare d'Ailly", lat: 49.9157, lon: 0.9769, offer: "Entretien doux et balisage des chemins de randonnée avec des salariés en parcours d'insertion ; devis pour les communes.", contactPhone: "02 35 00 10 21" },
  { key: "atelier-maree", name: "Atelier d'insertion de la marée", kind: "INSERTION_WORKSHOP", communeInsee: "76217", address: "Quai du Carénage", lat: 49.9285, lon: 1.0868, offer: "Conditionnement des produits de la mer et paniers de la mer pour les associations, en lien avec les pêcheurs du port.", contactEmail: "atelier.maree@demo.terre-et-mer.test" },
  { key: "cigales-albatre", name: "Club Cigales de la Côte d'Albâtre", kind: "CIGALES", communeInsee: "76217", address: "", lat: 49.9229, lon: 1.0775, offer: "Une vingtaine d'épargnants qui investissent ensemble dans les projets locaux de l'ESS et les accompagnent ; réunion mensuelle ouverte.", contactEmail: "cigales.albatre@demo.terre-et-mer.test" },
  { key: "cigales-scie", name: "Cigales de la vallée de la Scie", kind: "CIGALES", communeInsee: "76565", address: "", lat: 49.8806, lon: 1.0806, offer: "Club d'investisseurs solidaires tourné vers l'agriculture et l'alimentation locales.", website: "https://www.cigales.asso.fr" },
  { key: "pole-creation", name: "Pôle de la Création d'Entreprise de Dieppe-Maritime", kind: "BUSINESS_CREATION_HUB", communeInsee: "76217", address: "Boulevard Georges Clemenceau", lat: 49.9218, lon: 1.0825, offer: "Point d'information sur l'entrepreneuriat solidaire : permanences des réseaux d'accompagnement, orientation des porteurs de projet, couveuse.", contactPhone: "02 35 00 10 22" },
  { key: "cress-normandie", name: "CRESS Normandie — antenne de Dieppe", kind: "ESS_NETWORK", communeInsee: "76217", address: "", lat: 49.9229, lon: 1.0775, offer: "Chambre régionale de l'économie sociale et solidaire : mise en réseau des acteurs, Mois de l'ESS, forum annuel.", website: "https://www.cress-normandie.org" },
  { key: "adress", name: "ADRESS — accompagnement des projets ESS", kind: "ESS_NETWORK", communeInsee: "76482", address: "", lat: 49.8719, lon: 1.0136, offer: "Accompagnement des entreprises sociales, de l'idée au développement ; ateliers collectifs et suivi individuel.", contactEmail: "adress@demo.terre-et-mer.test" },
];

type DemoEvent = {
  key: string;
  title: string;
  kind: EventKind;
  inDays: number;
  from: string;
  to: string;
  placeName: string;
  address: string;
  communeInsee: string;
  lat: number;
  lon: number;
  holder: { organisation: string } | { ess: string };
  registrationText?: string;
  registrationUrl?: string;
  description: string;
};

export const DEMO_EVENTS: readonly DemoEvent[] = [
  { key: "forum-ess", title: "Forum de l'économie sociale et solidaire de Dieppe-Maritime", kind: "ESS_FORUM", inDays: 12, from: "09:30", to: "17:00", placeName: "Salle Paul Éluard", address: "Rue Thiers", communeInsee: "76217", lat: 49.9235, lon: 1.0793, holder: { ess: "cress-normandie" }, registrationUrl: "https://www.cress-normandie.org", registrationText: "Entrée libre ; ateliers sur inscription", description: "Le temps fort annuel des acteurs de l'ESS du territoire : ateliers, témoignages, rencontres entre structures, élus et porteurs de projets." },
  { key: "marche-solidaire", title: "Marché solidaire du Pollet", kind: "SOLIDARITY_MARKET", inDays: 6, from: "09:00", to: "13:00", placeName: "Place de l'Église Saint-Jacques", address: "Place Saint-Jacques", communeInsee: "76217", lat: 49.9245, lon: 1.0806, holder: { ess: "atelier-maree" }, description: "Les biens et services des acteurs de l'ESS du territoire sur une matinée : paniers de la mer, légumes des jardins partagés, réparation de vélos." },
  { key: "visite-ferme", title: "Visite des serres des Jardins des Falaises", kind: "FARM_VISIT", inDays: 4, from: "10:00", to: "11:00", placeName: "Jardins des Falaises", address: "", communeInsee: "76720", lat: 49.9129, lon: 0.9934, holder: { organisation: "jardins-des-falaises" }, registrationText: "Sur réservation par courriel avant le jeudi, 15 personnes au plus", description: "Les serres et les planches de légumes, la rotation des cultures et le compost." },
  { key: "visite-bateau", title: "Visite du Pourquoi Pas à quai", kind: "BOAT_VISIT", inDays: 9, from: "15:00", to: "16:00", placeName: "Quai Henri IV", address: "Quai Henri IV", communeInsee: "76217", lat: 49.9262, lon: 1.0803, holder: { organisation: "le-pourquoi-pas" }, registrationText: "Par téléphone la veille au soir, 6 personnes au plus", description: "Le bateau, ses engins de pêche et la saison de la coquille Saint-Jacques expliqués par l'équipage." },
  { key: "portes-ouvertes-cidrerie", title: "Portes ouvertes de la cidrerie", kind: "OPEN_DAY", inDays: 19, from: "10:00", to: "18:00", placeName: "Cidrerie du Manoir d'Ancourt", address: "", communeInsee: "76008", lat: 49.9086, lon: 1.179, holder: { organisation: "cidrerie-du-manoir-d-ancourt" }, description: "Le verger, le pressoir et le chai ouverts toute la journée ; dégustation (jus de pomme pour les enfants)." },
  { key: "atelier-cigales", title: "Soirée découverte de l'épargne solidaire", kind: "OTHER", inDays: 15, from: "18:30", to: "20:30", placeName: "Pôle de la Création d'Entreprise", address: "Boulevard Georges Clemenceau", communeInsee: "76217", lat: 49.9218, lon: 1.0825, holder: { ess: "cigales-albatre" }, registrationText: "Entrée libre", description: "Comment fonctionne un club Cigales, quels projets il a soutenus, comment en rejoindre un." },
];

function essActorId(key: string): string {
  return `demo-ess-${key}`;
}

/** Loads the ESS actors and the coming events; `organisationId` names a demo organisation by its key. */
export async function loadDemoEss(tx: Tx, now: Date, organisationId: (key: string) => string): Promise<{ essActors: number; events: number }> {
  await tx.essActor.createMany({
    data: DEMO_ESS_ACTORS.map((actor) => ({
      id: essActorId(actor.key),
      slug: actor.key,
      name: actor.name,
      kind: actor.kind,
      communeInsee: actor.communeInsee,
      address: actor.address,
      lat: actor.lat,
      lon: actor.lon,
      offer: actor.offer,
      contactEmail: actor.contactEmail ?? null,
      contactPhone: actor.contactPhone ?? null,
      website: actor.website ?? null,
      searchKey: searchKey(actor.name, actor.offer),
      published: actor.published ?? true,
      createdAt: now,
      updatedAt: now,
    })),
  });
  await tx.event.createMany({
    data: DEMO_EVENTS.map((event) => {
      const day = parisIsoDate(addParisDays(now, event.inDays));
      return {
        id: `demo-event-${event.key}`,
        title: event.title,
        description: event.description,
        kind: event.kind,
        startsAt: parisDateTime(day, event.from),
        endsAt: parisDateTime(day, event.to),
        placeName: event.placeName,
        address: event.address,
        communeInsee: event.communeInsee,
        lat: event.lat,
        lon: event.lon,
        organisationId: "organisation" in event.holder ? organisationId(event.holder.organisation) : null,
        essActorId: "ess" in event.holder ? essActorId(event.holder.ess) : null,
        registrationText: event.registrationText ?? "",
        registrationUrl: event.registrationUrl ?? null,
        createdAt: now,
        updatedAt: now,
      };
    }),
  });
  return { essActors: DEMO_ESS_ACTORS.length, events: DEMO_EVENTS.length };
}
