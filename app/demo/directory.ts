import type { Tx } from "~/db.server";
import type { OpeningRange } from "~/domain/directory/opening-hours";

/**
 * The demo territory's directory profiles (issue 12): opening hours, farm and boat visits and how
 * to book them, as the producers would write them from their organisation page, so a newcomer sees
 * full public pages on /producteurs/:slug. Keyed by the demo organisations' keys (demo-territory.ts).
 */
/** Tuesday to Saturday, morning and afternoon: the cider house's shop as a week table. */
const SHOP_WEEK: OpeningRange[] = ([2, 3, 4, 5, 6] as const).flatMap((day) => [
  { day, opens: "10:00", closes: "12:30" },
  { day, opens: "14:00", closes: "18:00" },
]);

export const DEMO_DIRECTORY_PROFILES: ReadonlyArray<{ key: string; openingHours: string; openingHoursWeek?: OpeningRange[]; visits: string; visitBooking: string }> = [
  {
    key: "jardins-des-falaises",
    openingHours: "",
    openingHoursWeek: [
      { day: 3, opens: "16:00", closes: "19:00" },
      { day: 6, opens: "09:00", closes: "12:00" },
    ],
    visits: "Visite des serres et des planches de légumes le premier samedi du mois à 10 h, une heure, 15 personnes au plus.",
    visitBooking: "par courriel ou par téléphone avant le jeudi",
  },
  {
    key: "cidrerie-du-manoir-d-ancourt",
    openingHours: "Fermé les jours fériés.",
    openingHoursWeek: SHOP_WEEK,
    visits: "Visite du verger et du pressoir, dégustation de cidre et de pommeau (sans alcool pour les enfants), d'avril à octobre.",
    visitBooking: "par téléphone, au moins la veille",
  },
  {
    key: "le-pourquoi-pas",
    openingHours: "Vente au quai Henri IV au retour de pêche, du mardi au samedi vers 7 h 30.",
    visits: "Visite du bateau à quai et explication des engins de pêche, les jours sans marée de vives-eaux, 6 personnes au plus.",
    visitBooking: "par téléphone la veille au soir",
  },
  {
    key: "ferme-laitiere-de-sauqueville",
    openingHours: "Distributeur de lait cru ouvert tous les jours de 8 h à 20 h ; boutique le vendredi de 15 h à 19 h.",
    visits: "Assistez à la traite de 17 h le vendredi et découvrez la fabrication de la crème et du beurre.",
    visitBooking: "sur place ou par courriel",
  },
  {
    key: "miellerie-de-sainte-marguerite",
    openingHours: "Sur rendez-vous.",
    visits: "Ouverture d'une ruche en combinaison (fournie), de mai à août, par beau temps.",
    visitBooking: "par courriel, une semaine à l'avance",
  },
];

export async function loadDemoDirectoryProfiles(tx: Tx, organisationIdOf: (key: string) => string): Promise<void> {
  for (const profile of DEMO_DIRECTORY_PROFILES) {
    await tx.organisation.update({
      where: { id: organisationIdOf(profile.key) },
      data: { openingHours: profile.openingHours, openingHoursWeek: profile.openingHoursWeek ?? [], visits: profile.visits, visitBooking: profile.visitBooking },
      select: { id: true },
    });
  }
}
