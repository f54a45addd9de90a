// The demo territory of Terre & Mer: believable producers, products, baskets, pickup points and
// people of Dieppe-Maritime, as plain typed data. app/demo/seed.server.ts turns it into rows.
//
// Nothing here retypes the reference data (app/domain/reference/data): communes are named and
// resolved to their INSEE code and coordinates at load time, sea products point to a species id of
// fish-species.json (commercial and scientific names, production method and FAO area come from
// there) and to a gear code of gear-categories.json, allergens are codes of allergens.json. The
// seed refuses any name or code it cannot find.
import type {
  MembershipRole,
  OrganisationKind,
  PickupPointKind,
  ProducerKind,
  SaleUnit,
} from "~/generated/prisma/enums";

/** The password of every demo account (shown on the demo's login page). */
export const DEMO_PASSWORD = "demo-terre-et-mer";

export type VatBp = 0 | 550 | 1000 | 2000;

/** A place given as a small offset from the centre of a commune of the reference data. */
export type Place = { commune: string; dLat: number; dLon: number };

export type DemoCategory = { id: string; nameFr: string; nameEn: string };

// Baskets first: they are what most residents come for each week.
export const DEMO_CATEGORIES = [
  { id: "paniers", nameFr: "Paniers", nameEn: "Baskets" },
  { id: "legumes", nameFr: "Légumes", nameEn: "Vegetables" },
  { id: "fruits", nameFr: "Fruits", nameEn: "Fruit" },
  { id: "cremerie", nameFr: "Crèmerie & œufs", nameEn: "Dairy & eggs" },
  { id: "viandes", nameFr: "Viandes & volailles", nameEn: "Meat & poultry" },
  { id: "poissons", nameFr: "Poissons", nameEn: "Fish" },
  { id: "coquillages", nameFr: "Coquillages & céphalopodes", nameEn: "Shellfish & cephalopods" },
  { id: "boulangerie", nameFr: "Boulangerie", nameEn: "Bakery" },
  { id: "boissons", nameFr: "Boissons", nameEn: "Drinks" },
  { id: "epicerie", nameFr: "Épicerie", nameEn: "Pantry" },
] as const satisfies readonly DemoCategory[];

export type CategoryId = (typeof DEMO_CATEGORIES)[number]["id"];

/** The categories whose products carry the sea-product labelling. */
export const SEA_CATEGORY_IDS: readonly CategoryId[] = ["poissons", "coquillages"];

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

export type DemoPerson = { name: string; email: string };

export type DemoOrganisation = {
  key: string;
  kind: OrganisationKind;
  producerKind?: ProducerKind;
  name: string;
  slug: string;
  description: string;
  address: string;
  place: Place;
  organicControlBody?: string;
  /** Producers: their SIRET, as registration asks it (fictional, valid checksum). */
  siret?: string;
  /** Charities: their RNA number and their settings for donations. */
  rna?: string;
  charity?: DemoCharitySettings;
  /** Members of the organisation, with their role. */
  members: Array<DemoPerson & { role: MembershipRole }>;
};

/** A demo charity's donation settings (CharitySettings); what is not said takes the columns' defaults. */
export type DemoCharitySettings = {
  acceptedCategories?: CategoryId[];
  storesAmbient: boolean;
  storesChilled: boolean;
  storesFrozen: boolean;
  maxKilos?: number;
  collectionWeekdays: number[];
  collectionFrom: string;
  collectionTo: string;
  redistributesSameDay: boolean;
  /** Granted by the territory: raw fishery products, processing workshop (paniers de la mer). */
  approvedRawFishery: boolean;
  processingWorkshop: boolean;
  inDirectory: boolean;
  /** Its public page shows its address, email and phone (false when not said). */
  publicContact?: boolean;
};

/** The agglomeration: its name is read from communes.json (the EPCI entry), not retyped. */
export const DEMO_TERRITORY = {
  key: "dieppe-maritime",
  slug: "dieppe-maritime",
  description:
    "Service du développement économique et de l'économie sociale et solidaire de l'agglomération : vérifie les producteurs et les associations, gère les points de retrait et le label « Produit local Dieppe Maritime ».",
  address: "Service développement économique, Dieppe",
  place: { commune: "Dieppe", dLat: 0.0012, dLon: -0.0021 },
  members: [
    { name: "Isabelle Marchand", email: "admin@terre-et-mer.test", role: "ADMIN" },
    { name: "Romain Delahaye", email: "romain.delahaye@dieppe-maritime.test", role: "ADMIN" },
  ],
} as const satisfies Omit<DemoOrganisation, "kind" | "name" | "producerKind">;

export const DEMO_PRODUCERS: readonly DemoOrganisation[] = [
  {
    key: "jardins-des-falaises",
    kind: "PRODUCER",
    producerKind: "MARKET_GARDENER",
    name: "Les Jardins des Falaises",
    slug: "les-jardins-des-falaises",
    description:
      "Maraîchage biologique sur 3 hectares entre le bois des Moutiers et la mer : une cinquantaine de légumes de saison, paniers hebdomadaires et vente à la ferme le samedi matin.",
    address: "Chemin du Phare, 76119 Varengeville-sur-Mer",
    siret: "99900000100019",
    place: { commune: "Varengeville-sur-Mer", dLat: 0.0031, dLon: -0.0045 },
    organicControlBody: "FR-BIO-01",
    members: [
      { name: "Julien Morel", email: "maraicher@terre-et-mer.test", role: "PRODUCER" },
      { name: "Élodie Morel", email: "elodie.morel@jardins-des-falaises.test", role: "PRODUCER" },
    ],
  },
  {
    key: "potager-de-la-scie",
    kind: "PRODUCER",
    producerKind: "MARKET_GARDENER",
    name: "Le Potager de la Scie",
    slug: "le-potager-de-la-scie",
    description:
      "Légumes biologiques cultivés en plein champ et sous tunnels dans la vallée de la Scie. Partenaire historique de l'AMAP Les Paniers de la Scie.",
    address: "Route de la Vallée, 76550 Saint-Aubin-sur-Scie",
    siret: "99900000200017",
    place: { commune: "Saint-Aubin-sur-Scie", dLat: -0.0042, dLon: 0.0027 },
    organicControlBody: "FR-BIO-10",
    members: [{ name: "Mathilde Grenier", email: "mathilde.grenier@potager-de-la-scie.test", role: "PRODUCER" }],
  },
  {
    key: "potager-d-hautot",
    kind: "PRODUCER",
    producerKind: "MARKET_GARDENER",
    name: "Le Potager d'Hautot",
    slug: "le-potager-d-hautot",
    description:
      "Exploitation familiale en agriculture raisonnée : pommes de terre, légumes d'hiver et endives de pleine terre, cueillis la veille de la distribution.",
    address: "Rue du Val Gosset, 76550 Hautot-sur-Mer",
    siret: "99900000300015",
    place: { commune: "Hautot-sur-Mer", dLat: 0.0024, dLon: 0.0033 },
    members: [{ name: "Bernard Quesnel", email: "bernard.quesnel@potager-hautot.test", role: "PRODUCER" }],
  },
  {
    key: "vergers-de-rouxmesnil",
    kind: "PRODUCER",
    producerKind: "MARKET_GARDENER",
    name: "Les Vergers de Rouxmesnil",
    slug: "les-vergers-de-rouxmesnil",
    description:
      "Vergers de haute tige et petits fruits au bord de l'Eaulne : pommes, poires, fraises et rhubarbe, jus et compotes pressés sur place.",
    address: "Chemin des Vergers, 76370 Rouxmesnil-Bouteilles",
    siret: "99900000400013",
    place: { commune: "Rouxmesnil-Bouteilles", dLat: -0.0021, dLon: 0.0018 },
    members: [{ name: "Hélène Bréant", email: "helene.breant@vergers-rouxmesnil.test", role: "PRODUCER" }],
  },
  {
    key: "ferme-laitiere-de-sauqueville",
    kind: "PRODUCER",
    producerKind: "DAIRY",
    name: "Ferme laitière de Sauqueville",
    slug: "ferme-laitiere-de-sauqueville",
    description:
      "Quarante vaches normandes au pâturage, traite du matin transformée à la ferme : lait cru, crème, beurre de baratte, yaourts et fromages. Lait certifié biologique.",
    address: "Hameau du Bois Robert, 76550 Sauqueville",
    siret: "99900000500010",
    place: { commune: "Sauqueville", dLat: 0.0028, dLon: -0.0031 },
    organicControlBody: "FR-BIO-16",
    members: [{ name: "Anne Lecointre", email: "anne.lecointre@ferme-sauqueville.test", role: "PRODUCER" }],
  },
  {
    key: "chevrerie-de-manneville",
    kind: "PRODUCER",
    producerKind: "DAIRY",
    name: "La Chèvrerie de Manneville",
    slug: "la-chevrerie-de-manneville",
    description: "Soixante chèvres alpines et des fromages fermiers moulés à la louche, affinés sur place.",
    address: "Rue de l'Église, 76550 Colmesnil-Manneville",
    siret: "99900000600018",
    place: { commune: "Colmesnil-Manneville", dLat: -0.0018, dLon: 0.0024 },
    members: [{ name: "Pauline Vimont", email: "pauline.vimont@chevrerie-manneville.test", role: "PRODUCER" }],
  },
  {
    key: "herbages-de-beaumais",
    kind: "PRODUCER",
    producerKind: "LIVESTOCK",
    name: "GAEC des Herbages de Beaumais",
    slug: "gaec-des-herbages-de-beaumais",
    description:
      "Bœufs de race normande et porcs plein air élevés à l'herbe et aux céréales de la ferme, découpés par notre boucher partenaire à Dieppe.",
    address: "Ferme des Herbages, 76550 Aubermesnil-Beaumais",
    siret: "99900000700016",
    place: { commune: "Aubermesnil-Beaumais", dLat: 0.0035, dLon: 0.0022 },
    members: [{ name: "François Lemaître", email: "francois.lemaitre@herbages-beaumais.test", role: "PRODUCER" }],
  },
  {
    key: "volailles-des-coteaux",
    kind: "PRODUCER",
    producerKind: "LIVESTOCK",
    name: "Les Volailles des Coteaux",
    slug: "les-volailles-des-coteaux",
    description: "Poulets et pintades fermiers élevés en plein air pendant au moins 81 jours, œufs de poules en parcours herbeux.",
    address: "Route d'Arques, 76550 Tourville-sur-Arques",
    siret: "99900000800014",
    place: { commune: "Tourville-sur-Arques", dLat: -0.0026, dLon: -0.0019 },
    members: [{ name: "Sandrine Petit", email: "sandrine.petit@volailles-coteaux.test", role: "PRODUCER" }],
  },
  {
    key: "cidrerie-du-manoir-d-ancourt",
    kind: "PRODUCER",
    producerKind: "CIDER_MAKER",
    name: "Cidrerie du Manoir d'Ancourt",
    slug: "cidrerie-du-manoir-d-ancourt",
    description:
      "Cidres, poiré et pommeau élaborés à partir des pommes et poires de nos vergers de haute tige, pressées à l'automne au manoir.",
    address: "Le Manoir, 76370 Ancourt",
    siret: "99900000900012",
    place: { commune: "Ancourt", dLat: 0.0019, dLon: -0.0028 },
    members: [{ name: "Guillaume Duclos", email: "guillaume.duclos@cidrerie-ancourt.test", role: "PRODUCER" }],
  },
  {
    key: "fournil-de-martin-eglise",
    kind: "PRODUCER",
    producerKind: "BAKER",
    name: "Le Fournil de Martin-Église",
    slug: "le-fournil-de-martin-eglise",
    description:
      "Paysan-boulanger : pains au levain cuits au feu de bois avec les farines d'un moulin du pays de Caux, viennoiseries et fallues normandes.",
    address: "Rue du Moulin, 76370 Martin-Église",
    siret: "99900001000010",
    place: { commune: "Martin-Église", dLat: -0.0016, dLon: 0.0021 },
    members: [{ name: "Nicolas Auber", email: "nicolas.auber@fournil-martin-eglise.test", role: "PRODUCER" }],
  },
  {
    key: "miellerie-de-sainte-marguerite",
    kind: "PRODUCER",
    producerKind: "BEEKEEPER",
    name: "La Miellerie de Sainte-Marguerite",
    slug: "la-miellerie-de-sainte-marguerite",
    description: "Cent vingt ruches entre falaises et vallée de la Saâne ; miels récoltés et mis en pot à la miellerie.",
    address: "Rue de la Mer, 76119 Sainte-Marguerite-sur-Mer",
    siret: "99900001100018",
    place: { commune: "Sainte-Marguerite-sur-Mer", dLat: 0.0022, dLon: 0.0017 },
    members: [{ name: "Jean-Marc Tougard", email: "jean-marc.tougard@miellerie-sainte-marguerite.test", role: "PRODUCER" }],
  },
  {
    key: "le-pourquoi-pas",
    kind: "PRODUCER",
    producerKind: "FISHER",
    name: "Le Pourquoi-Pas — pêche côtière",
    slug: "le-pourquoi-pas",
    description:
      "Chalutier côtier de 12 mètres armé au port de Dieppe : poissons de la Manche Est débarqués le matin et vendus l'après-midi sur le quai Henri IV.",
    address: "Quai Henri IV, 76200 Dieppe",
    siret: "99900001200016",
    place: { commune: "Dieppe", dLat: 0.0035, dLon: -0.0038 },
    members: [
      { name: "Yannick Leborgne", email: "pecheur@terre-et-mer.test", role: "PRODUCER" },
      { name: "Laetitia Leborgne", email: "laetitia.leborgne@pourquoi-pas.test", role: "PRODUCER" },
    ],
  },
  {
    key: "ligneurs-du-pollet",
    kind: "PRODUCER",
    producerKind: "FISHER",
    name: "L'Estran — ligneurs du Pollet",
    slug: "l-estran-ligneurs-du-pollet",
    description:
      "Petit métier à la ligne et aux filets maillants : bar de ligne, soles et poissons plats, pêchés à la journée par deux marins du quartier du Pollet.",
    address: "Quai de la Marne, 76200 Dieppe",
    siret: "99900001300014",
    place: { commune: "Dieppe", dLat: 0.0043, dLon: 0.0031 },
    members: [{ name: "Killian Hardy", email: "killian.hardy@estran-dieppe.test", role: "PRODUCER" }],
  },
  {
    key: "le-jean-ango",
    kind: "PRODUCER",
    producerKind: "FISHER",
    name: "Le Jean-Ango — drague et casiers",
    slug: "le-jean-ango",
    description:
      "Coquilles Saint-Jacques de Dieppe à la drague pendant la saison, bulots aux casiers le reste de l'année. Débarque au port de Dieppe.",
    address: "Quai du Carénage, 76200 Dieppe",
    siret: "99900001400012",
    place: { commune: "Dieppe", dLat: 0.0029, dLon: -0.0009 },
    members: [{ name: "Patrice Vittecoq", email: "patrice.vittecoq@jean-ango.test", role: "PRODUCER" }],
  },
  {
    key: "conserverie-du-pollet",
    kind: "PRODUCER",
    producerKind: "PROCESSOR",
    name: "La Conserverie du Pollet",
    slug: "la-conserverie-du-pollet",
    description:
      "Atelier de transformation des poissons débarqués à Dieppe : harengs fumés au bois de hêtre, rillettes, soupe de poissons et marmite dieppoise.",
    address: "Rue du Pollet, 76200 Dieppe",
    siret: "99900001500019",
    place: { commune: "Dieppe", dLat: 0.0047, dLon: 0.0046 },
    members: [{ name: "Samia Belkacem", email: "samia.belkacem@conserverie-pollet.test", role: "PRODUCER" }],
  },
];

export const DEMO_AMAP: DemoOrganisation = {
  key: "amap-paniers-de-la-scie",
  kind: "AMAP",
  name: "AMAP Les Paniers de la Scie",
  slug: "amap-les-paniers-de-la-scie",
  description:
    "Association pour le maintien d'une agriculture paysanne : 60 familles engagées pour la saison avec des maraîchers, une fromagère, un éleveur et un boulanger du territoire. Distribution le mardi soir à Offranville.",
  address: "Salle des associations, rue Jean Jaurès, 76550 Offranville",
  place: { commune: "Offranville", dLat: -0.0012, dLon: 0.0016 },
  members: [
    { name: "Claire Dubuc", email: "amap@terre-et-mer.test", role: "AMAP_COORDINATOR" },
    { name: "Philippe Renard", email: "philippe.renard@paniers-de-la-scie.test", role: "AMAP_COORDINATOR" },
  ],
};

export const DEMO_CHARITIES: readonly DemoOrganisation[] = [
  {
    key: "secours-populaire-dieppe",
    kind: "CHARITY",
    name: "Secours populaire français — comité de Dieppe",
    slug: "secours-populaire-dieppe",
    description: "Aide alimentaire, vestimentaire et accès aux vacances ; distribution de colis deux fois par semaine.",
    address: "Rue de la Barre, 76200 Dieppe",
    place: { commune: "Dieppe", dLat: 0.0004, dLon: -0.0052 },
    rna: "W763000412",
    // Collects every day: the demo journeys run on any day of the week.
    charity: {
      storesAmbient: true, storesChilled: true, storesFrozen: true, collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "08:00", collectionTo: "20:00",
      redistributesSameDay: false, approvedRawFishery: true, processingWorkshop: false, inDirectory: true, publicContact: true,
    },
    members: [{ name: "Karima Haddad", email: "association@terre-et-mer.test", role: "CHARITY" }],
  },
  {
    key: "croix-rouge-dieppe",
    kind: "CHARITY",
    name: "Croix-Rouge française — unité locale de Dieppe",
    slug: "croix-rouge-unite-locale-dieppe",
    description: "Épicerie sociale, maraudes et aide alimentaire d'urgence pour Dieppe et les communes voisines.",
    address: "Avenue Gambetta, 76200 Dieppe",
    place: { commune: "Dieppe", dLat: -0.0041, dLon: 0.0012 },
    rna: "W763000587",
    charity: {
      storesAmbient: true, storesChilled: true, storesFrozen: false, collectionWeekdays: [1, 2, 3, 4, 5, 6, 7], collectionFrom: "08:00", collectionTo: "21:00",
      redistributesSameDay: true, approvedRawFishery: true, processingWorkshop: false, inDirectory: true,
    },
    members: [{ name: "Gérard Lefrançois", email: "gerard.lefrancois@croix-rouge-dieppe.test", role: "CHARITY" }],
  },
  {
    key: "restos-du-coeur-dieppe",
    kind: "CHARITY",
    name: "Les Restos du Cœur — centre de Dieppe",
    slug: "restos-du-coeur-dieppe",
    description: "Repas et paniers pour les personnes accueillies, atelier cuisine, distribution hivernale et estivale.",
    address: "Rue Irénée Bourgois, 76200 Dieppe",
    place: { commune: "Dieppe", dLat: -0.0023, dLon: 0.0041 },
    rna: "W763001128",
    charity: {
      acceptedCategories: ["legumes", "fruits", "cremerie", "boulangerie", "epicerie"],
      storesAmbient: true, storesChilled: true, storesFrozen: true, maxKilos: 40, collectionWeekdays: [1, 2, 3, 4, 5], collectionFrom: "09:00", collectionTo: "17:00",
      redistributesSameDay: false, approvedRawFishery: false, processingWorkshop: false, inDirectory: false,
    },
    members: [{ name: "Valérie Cousin", email: "valerie.cousin@restos-dieppe.test", role: "CHARITY" }],
  },
  {
    key: "maree-solidaire",
    kind: "CHARITY",
    name: "La Marée solidaire — atelier chantier d'insertion",
    slug: "la-maree-solidaire",
    description:
      "Atelier chantier d'insertion agréé : filetage et surgélation du poisson retiré de la vente à la criée, conditionné en sachets de 1 kg pour les « paniers de la mer » des associations.",
    address: "Quai du Carénage, 76200 Dieppe",
    place: { commune: "Dieppe", dLat: 0.0031, dLon: 0.0027 },
    rna: "W763002245",
    charity: {
      acceptedCategories: ["poissons", "coquillages"],
      storesAmbient: false, storesChilled: true, storesFrozen: true, collectionWeekdays: [1, 2, 3, 4, 5, 6], collectionFrom: "06:00", collectionTo: "14:00",
      redistributesSameDay: true, approvedRawFishery: true, processingWorkshop: true, inDirectory: true,
    },
    members: [{ name: "Thierry Vasseur", email: "atelier@terre-et-mer.test", role: "CHARITY" }],
  },
];

/** Residents who order (Camille is the demo consumer; the others filled last week's orders). */
export const DEMO_CONSUMERS: ReadonlyArray<DemoPerson & { key: string; locale?: "fr" | "en" }> = [
  { key: "camille", name: "Camille Lefebvre", email: "client@terre-et-mer.test" },
  { key: "martine", name: "Martine Duval", email: "martine.duval@exemple.test" },
  { key: "kevin", name: "Kévin Leroux", email: "kevin.leroux@exemple.test" },
  { key: "sophie", name: "Sophie Hébert", email: "sophie.hebert@exemple.test" },
  { key: "olivier", name: "Olivier Caron", email: "olivier.caron@exemple.test" },
  { key: "emma", name: "Emma Thorne", email: "emma.thorne@example.test", locale: "en" },
  { key: "nadia", name: "Nadia Benali", email: "nadia.benali@exemple.test" },
];

/** The demo accounts shown on the login page, all with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = {
  consumer: "client@terre-et-mer.test",
  marketGardener: "maraicher@terre-et-mer.test",
  fisher: "pecheur@terre-et-mer.test",
  amapCoordinator: "amap@terre-et-mer.test",
  charity: "association@terre-et-mer.test",
  workshop: "atelier@terre-et-mer.test",
  admin: "admin@terre-et-mer.test",
} as const;

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

/** Sea-product labelling: a species of fish-species.json and a gear code of gear-categories.json. */
export type SeaInfo = {
  species: string;
  /** Gear code; absent: the species' typical gear. Farmed species have none. */
  gear?: string;
  thawed?: boolean;
};

export type BasketLine = { label: string; labelEn: string; quantityLabel: string; indicativePriceCents: number };

export type DemoProduct = {
  key: string;
  producer: string;
  category: CategoryId;
  name: string;
  nameEn: string;
  description?: string;
  unit: SaleUnit;
  /** Net quantity of a packed item, in grams (millilitres for drinks): gives the price per kg / litre. */
  netQuantityGrams?: number;
  priceCents: number;
  vatRateBp: VatBp;
  /** Sold per piece at an estimated weight; the final price follows the weighing. */
  estimatedWeightGrams?: number;
  /** Absent: organic when the producer is certified (never for wild-caught sea products). */
  organic?: boolean;
  allergens?: string[];
  ingredients?: string;
  sea?: SeaInfo;
  /** Baskets: the weekly compositions, used in turn from one distribution to the next. */
  compositions?: BasketLine[][];
};

const P = (product: DemoProduct): DemoProduct => product;

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  // --- Les Jardins des Falaises (bio, FR-BIO-01) -------------------------------------------
  P({ key: "falaises-carottes", producer: "jardins-des-falaises", category: "legumes", name: "Carottes", nameEn: "Carrots", unit: "KG", priceCents: 320, vatRateBp: 550, description: "Carottes des sables, lavées." }),
  P({ key: "falaises-poireaux", producer: "jardins-des-falaises", category: "legumes", name: "Poireaux", nameEn: "Leeks", unit: "KG", priceCents: 380, vatRateBp: 550 }),
  P({ key: "falaises-pdt-charlotte", producer: "jardins-des-falaises", category: "legumes", name: "Pommes de terre Charlotte", nameEn: "Charlotte potatoes", unit: "KG", priceCents: 260, vatRateBp: 550 }),
  P({ key: "falaises-batavia", producer: "jardins-des-falaises", category: "legumes", name: "Salade batavia", nameEn: "Batavia lettuce", unit: "PIECE", priceCents: 150, vatRateBp: 550 }),
  P({ key: "falaises-radis", producer: "jardins-des-falaises", category: "legumes", name: "Radis roses", nameEn: "Radishes", unit: "BUNCH", priceCents: 180, vatRateBp: 550 }),
  P({ key: "falaises-butternut", producer: "jardins-des-falaises", category: "legumes", name: "Courge butternut", nameEn: "Butternut squash", unit: "KG", priceCents: 290, vatRateBp: 550 }),
  P({ key: "falaises-betteraves", producer: "jardins-des-falaises", category: "legumes", name: "Betteraves rouges", nameEn: "Beetroots", unit: "KG", priceCents: 300, vatRateBp: 550 }),
  P({ key: "falaises-kale", producer: "jardins-des-falaises", category: "legumes", name: "Chou kale", nameEn: "Kale", unit: "BUNCH", priceCents: 250, vatRateBp: 550 }),
  P({ key: "falaises-oignons", producer: "jardins-des-falaises", category: "legumes", name: "Oignons jaunes", nameEn: "Yellow onions", unit: "KG", priceCents: 280, vatRateBp: 550 }),
  P({ key: "falaises-mache", producer: "jardins-des-falaises", category: "legumes", name: "Mâche", nameEn: "Lamb's lettuce", unit: "G100", priceCents: 140, vatRateBp: 550 }),
  P({ key: "falaises-epinards", producer: "jardins-des-falaises", category: "legumes", name: "Épinards", nameEn: "Spinach", unit: "KG", priceCents: 650, vatRateBp: 550 }),
  P({ key: "falaises-persil", producer: "jardins-des-falaises", category: "legumes", name: "Persil plat", nameEn: "Flat-leaf parsley", unit: "BUNCH", priceCents: 120, vatRateBp: 550 }),
  P({ key: "falaises-celeri-rave", producer: "jardins-des-falaises", category: "legumes", name: "Céleri-rave", nameEn: "Celeriac", unit: "PIECE", priceCents: 250, vatRateBp: 550, estimatedWeightGrams: 800, allergens: ["celery"] }),
  P({
    key: "panier-legumes-petit", producer: "jardins-des-falaises", category: "paniers", name: "Panier de légumes — petit", nameEn: "Vegetable basket — small",
    description: "Pour 1 à 2 personnes : 5 à 6 légumes de saison cueillis la veille.", unit: "PIECE", priceCents: 1300, vatRateBp: 550, allergens: ["celery"],
    compositions: [
      [
        { label: "Carottes", labelEn: "Carrots", quantityLabel: "1 kg", indicativePriceCents: 320 },
        { label: "Poireaux", labelEn: "Leeks", quantityLabel: "500 g", indicativePriceCents: 190 },
        { label: "Pommes de terre Charlotte", labelEn: "Charlotte potatoes", quantityLabel: "1,5 kg", indicativePriceCents: 390 },
        { label: "Salade batavia", labelEn: "Batavia lettuce", quantityLabel: "1 pièce", indicativePriceCents: 150 },
        { label: "Radis roses", labelEn: "Radishes", quantityLabel: "1 botte", indicativePriceCents: 180 },
        { label: "Persil plat", labelEn: "Flat-leaf parsley", quantityLabel: "1 botte", indicativePriceCents: 120 },
      ],
      [
        { label: "Courge butternut", labelEn: "Butternut squash", quantityLabel: "1 kg environ", indicativePriceCents: 290 },
        { label: "Oignons jaunes", labelEn: "Yellow onions", quantityLabel: "500 g", indicativePriceCents: 140 },
        { label: "Pommes de terre Charlotte", labelEn: "Charlotte potatoes", quantityLabel: "1 kg", indicativePriceCents: 260 },
        { label: "Mâche", labelEn: "Lamb's lettuce", quantityLabel: "150 g", indicativePriceCents: 210 },
        { label: "Betteraves rouges", labelEn: "Beetroots", quantityLabel: "500 g", indicativePriceCents: 150 },
        { label: "Chou kale", labelEn: "Kale", quantityLabel: "1 botte", indicativePriceCents: 250 },
      ],
      [
        { label: "Épinards", labelEn: "Spinach", quantityLabel: "500 g", indicativePriceCents: 325 },
        { label: "Carottes", labelEn: "Carrots", quantityLabel: "1 kg", indicativePriceCents: 320 },
        { label: "Céleri-rave", labelEn: "Celeriac", quantityLabel: "1 pièce", indicativePriceCents: 250 },
        { label: "Salade batavia", labelEn: "Batavia lettuce", quantityLabel: "1 pièce", indicativePriceCents: 150 },
        { label: "Oignons jaunes", labelEn: "Yellow onions", quantityLabel: "500 g", indicativePriceCents: 140 },
        { label: "Persil plat", labelEn: "Flat-leaf parsley", quantityLabel: "1 botte", indicativePriceCents: 120 },
      ],
    ],
  }),
  P({
    key: "panier-legumes-familial", producer: "jardins-des-falaises", category: "paniers", name: "Panier de légumes — familial", nameEn: "Vegetable basket — family",
    description: "Pour 3 à 5 personnes : 7 à 9 légumes de saison cueillis la veille.", unit: "PIECE", priceCents: 2400, vatRateBp: 550, allergens: ["celery"],
    compositions: [
      [
        { label: "Carottes", labelEn: "Carrots", quantityLabel: "1,5 kg", indicativePriceCents: 480 },
        { label: "Poireaux", labelEn: "Leeks", quantityLabel: "1 kg", indicativePriceCents: 380 },
        { label: "Pommes de terre Charlotte", labelEn: "Charlotte potatoes", quantityLabel: "2,5 kg", indicativePriceCents: 650 },
        { label: "Salade batavia", labelEn: "Batavia lettuce", quantityLabel: "2 pièces", indicativePriceCents: 300 },
        { label: "Radis roses", labelEn: "Radishes", quantityLabel: "1 botte", indicativePriceCents: 180 },
        { label: "Courge butternut", labelEn: "Butternut squash", quantityLabel: "1,2 kg environ", indicativePriceCents: 350 },
        { label: "Persil plat", labelEn: "Flat-leaf parsley", quantityLabel: "1 botte", indicativePriceCents: 120 },
      ],
      [
        { label: "Épinards", labelEn: "Spinach", quantityLabel: "500 g", indicativePriceCents: 325 },
        { label: "Betteraves rouges", labelEn: "Beetroots", quantityLabel: "1 kg", indicativePriceCents: 300 },
        { label: "Céleri-rave", labelEn: "Celeriac", quantityLabel: "1 pièce", indicativePriceCents: 250 },
        { label: "Pommes de terre Charlotte", labelEn: "Charlotte potatoes", quantityLabel: "2 kg", indicativePriceCents: 520 },
        { label: "Oignons jaunes", labelEn: "Yellow onions", quantityLabel: "1 kg", indicativePriceCents: 280 },
        { label: "Chou kale", labelEn: "Kale", quantityLabel: "1 botte", indicativePriceCents: 250 },
        { label: "Mâche", labelEn: "Lamb's lettuce", quantityLabel: "200 g", indicativePriceCents: 280 },
        { label: "Carottes", labelEn: "Carrots", quantityLabel: "500 g", indicativePriceCents: 160 },
      ],
      [
        { label: "Carottes", labelEn: "Carrots", quantityLabel: "1 kg", indicativePriceCents: 320 },
        { label: "Poireaux", labelEn: "Leeks", quantityLabel: "1 kg", indicativePriceCents: 380 },
        { label: "Pommes de terre Charlotte", labelEn: "Charlotte potatoes", quantityLabel: "2 kg", indicativePriceCents: 520 },
        { label: "Courge butternut", labelEn: "Butternut squash", quantityLabel: "1 kg environ", indicativePriceCents: 290 },
        { label: "Salade batavia", labelEn: "Batavia lettuce", quantityLabel: "1 pièce", indicativePriceCents: 150 },
        { label: "Radis roses", labelEn: "Radishes", quantityLabel: "1 botte", indicativePriceCents: 180 },
        { label: "Épinards", labelEn: "Spinach", quantityLabel: "500 g", indicativePriceCents: 325 },
        { label: "Persil plat", labelEn: "Flat-leaf parsley", quantityLabel: "1 botte", indicativePriceCents: 120 },
        { label: "Oignons jaunes", labelEn: "Yellow onions", quantityLabel: "500 g", indicativePriceCents: 140 },
      ],
    ],
  }),

  // --- Le Potager de la Scie (bio, FR-BIO-10) ------------------------------------------------
  P({ key: "scie-tomates", producer: "potager-de-la-scie", category: "legumes", name: "Tomates anciennes", nameEn: "Heirloom tomatoes", unit: "KG", priceCents: 520, vatRateBp: 550, description: "Cœur de bœuf, noire de Crimée, ananas : en mélange, cultivées sous tunnel." }),
  P({ key: "scie-courgettes", producer: "potager-de-la-scie", category: "legumes", name: "Courgettes", nameEn: "Courgettes", unit: "KG", priceCents: 340, vatRateBp: 550 }),
  P({ key: "scie-haricots-verts", producer: "potager-de-la-scie", category: "legumes", name: "Haricots verts", nameEn: "Green beans", unit: "KG", priceCents: 890, vatRateBp: 550 }),
  P({ key: "scie-navets", producer: "potager-de-la-scie", category: "legumes", name: "Navets nouveaux", nameEn: "Young turnips", unit: "BUNCH", priceCents: 200, vatRateBp: 550 }),
  P({ key: "scie-chou-fleur", producer: "potager-de-la-scie", category: "legumes", name: "Chou-fleur", nameEn: "Cauliflower", unit: "PIECE", priceCents: 290, vatRateBp: 550 }),
  P({ key: "scie-echalotes", producer: "potager-de-la-scie", category: "legumes", name: "Échalotes", nameEn: "Shallots", unit: "G100", priceCents: 75, vatRateBp: 550 }),
  P({ key: "scie-ail", producer: "potager-de-la-scie", category: "legumes", name: "Ail rose (la tête)", nameEn: "Pink garlic (bulb)", unit: "PIECE", priceCents: 90, vatRateBp: 550 }),
  P({ key: "scie-mesclun", producer: "potager-de-la-scie", category: "legumes", name: "Mesclun", nameEn: "Mixed salad leaves", unit: "G100", priceCents: 220, vatRateBp: 550 }),
  P({ key: "scie-fenouil", producer: "potager-de-la-scie", category: "legumes", name: "Fenouil", nameEn: "Fennel", unit: "KG", priceCents: 450, vatRateBp: 550 }),
  P({ key: "scie-potimarron", producer: "potager-de-la-scie", category: "legumes", name: "Potimarron", nameEn: "Red kuri squash", unit: "PIECE", priceCents: 350, vatRateBp: 550, estimatedWeightGrams: 1200 }),

  // --- Le Potager d'Hautot -----------------------------------------------------------------
  P({ key: "hautot-pdt-bintje", producer: "potager-d-hautot", category: "legumes", name: "Pommes de terre Bintje (sac de 5 kg)", nameEn: "Bintje potatoes (5 kg bag)", unit: "PIECE", netQuantityGrams: 5000, priceCents: 750, vatRateBp: 550 }),
  P({ key: "hautot-carottes", producer: "potager-d-hautot", category: "legumes", name: "Carottes", nameEn: "Carrots", unit: "KG", priceCents: 190, vatRateBp: 550 }),
  P({ key: "hautot-chou-vert", producer: "potager-d-hautot", category: "legumes", name: "Chou vert frisé", nameEn: "Savoy cabbage", unit: "PIECE", priceCents: 220, vatRateBp: 550 }),
  P({ key: "hautot-endives", producer: "potager-d-hautot", category: "legumes", name: "Endives de pleine terre", nameEn: "Field-grown chicory", unit: "KG", priceCents: 420, vatRateBp: 550 }),
  P({ key: "hautot-poireaux", producer: "potager-d-hautot", category: "legumes", name: "Poireaux", nameEn: "Leeks", unit: "KG", priceCents: 290, vatRateBp: 550 }),
  P({ key: "hautot-laitue", producer: "potager-d-hautot", category: "legumes", name: "Laitue", nameEn: "Lettuce", unit: "PIECE", priceCents: 110, vatRateBp: 550 }),
  P({ key: "hautot-oignons-rouges", producer: "potager-d-hautot", category: "legumes", name: "Oignons rouges", nameEn: "Red onions", unit: "KG", priceCents: 300, vatRateBp: 550 }),

  // --- Les Vergers de Rouxmesnil -------------------------------------------------------------
  P({ key: "vergers-reinette", producer: "vergers-de-rouxmesnil", category: "fruits", name: "Pommes Reine des reinettes", nameEn: "Reine des Reinettes apples", unit: "KG", priceCents: 290, vatRateBp: 550 }),
  P({ key: "vergers-boskoop", producer: "vergers-de-rouxmesnil", category: "fruits", name: "Pommes Boskoop", nameEn: "Boskoop apples", unit: "KG", priceCents: 270, vatRateBp: 550, description: "Acidulée, idéale en tarte et en compote." }),
  P({ key: "vergers-poires", producer: "vergers-de-rouxmesnil", category: "fruits", name: "Poires Conférence", nameEn: "Conference pears", unit: "KG", priceCents: 340, vatRateBp: 550 }),
  P({ key: "vergers-fraises", producer: "vergers-de-rouxmesnil", category: "fruits", name: "Fraises Gariguette (barquette de 500 g)", nameEn: "Gariguette strawberries (500 g punnet)", unit: "PIECE", netQuantityGrams: 500, priceCents: 450, vatRateBp: 550 }),
  P({ key: "vergers-rhubarbe", producer: "vergers-de-rouxmesnil", category: "fruits", name: "Rhubarbe", nameEn: "Rhubarb", unit: "BUNCH", priceCents: 300, vatRateBp: 550 }),
  P({ key: "vergers-jus-pomme", producer: "vergers-de-rouxmesnil", category: "boissons", name: "Jus de pomme (1 L)", nameEn: "Apple juice (1 L)", unit: "PIECE", netQuantityGrams: 1000, priceCents: 350, vatRateBp: 550, ingredients: "Pommes (100 %). Pur jus non filtré, pasteurisé." }),
  P({ key: "vergers-compote", producer: "vergers-de-rouxmesnil", category: "epicerie", name: "Compote pomme-rhubarbe (370 g)", nameEn: "Apple and rhubarb compote (370 g)", unit: "PIECE", netQuantityGrams: 370, priceCents: 420, vatRateBp: 550, ingredients: "Pommes 70 %, rhubarbe 25 %, sucre de canne." }),

  // --- Ferme laitière de Sauqueville (bio, FR-BIO-16) ---------------------------------------
  P({ key: "sauqueville-lait-cru", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Lait cru entier", nameEn: "Raw whole milk", unit: "LITRE", priceCents: 130, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru entier de vache. À faire bouillir avant consommation pour les personnes fragiles.", description: "Traite du matin, apportez votre bouteille ou prenez une bouteille consignée." }),
  P({ key: "sauqueville-creme", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Crème crue épaisse (50 cl)", nameEn: "Thick raw cream (50 cl)", unit: "PIECE", netQuantityGrams: 500, priceCents: 450, vatRateBp: 550, allergens: ["milk"], ingredients: "Crème crue de lait de vache, ferments lactiques." }),
  P({ key: "sauqueville-beurre-doux", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Beurre doux de baratte (250 g)", nameEn: "Churned unsalted butter (250 g)", unit: "PIECE", netQuantityGrams: 250, priceCents: 420, vatRateBp: 550, allergens: ["milk"], ingredients: "Crème de lait de vache pasteurisée, ferments lactiques." }),
  P({ key: "sauqueville-beurre-demi-sel", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Beurre demi-sel de baratte (250 g)", nameEn: "Churned salted butter (250 g)", unit: "PIECE", netQuantityGrams: 250, priceCents: 430, vatRateBp: 550, allergens: ["milk"], ingredients: "Crème de lait de vache pasteurisée, sel de Guérande (2 %), ferments lactiques." }),
  P({ key: "sauqueville-yaourts", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Yaourts nature (4 × 125 g)", nameEn: "Plain yoghurts (4 × 125 g)", unit: "PIECE", netQuantityGrams: 500, priceCents: 320, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait entier de vache, ferments lactiques." }),
  P({ key: "sauqueville-faisselle", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Fromage blanc en faisselle (500 g)", nameEn: "Fresh curd cheese (500 g)", unit: "PIECE", netQuantityGrams: 500, priceCents: 380, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait entier de vache, ferments lactiques, présure." }),
  P({ key: "sauqueville-riz-au-lait", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Riz au lait à la vanille (2 × 150 g)", nameEn: "Vanilla rice pudding (2 × 150 g)", unit: "PIECE", netQuantityGrams: 300, priceCents: 390, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait entier de vache 80 %, riz rond, sucre de canne, vanille." }),
  P({ key: "sauqueville-tomme", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Tomme de vache fermière (à la coupe)", nameEn: "Farmhouse cow's milk tomme (cut to order)", unit: "G100", priceCents: 260, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru de vache, sel, ferments lactiques, présure." }),
  P({ key: "sauqueville-coeur", producer: "ferme-laitiere-de-sauqueville", category: "cremerie", name: "Cœur de Sauqueville, pâte molle (200 g)", nameEn: "Cœur de Sauqueville soft cheese (200 g)", unit: "PIECE", netQuantityGrams: 200, priceCents: 520, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru de vache, sel, ferments lactiques, présure, Penicillium candidum." }),

  // --- La Chèvrerie de Manneville ------------------------------------------------------------
  P({ key: "manneville-crottin", producer: "chevrerie-de-manneville", category: "cremerie", name: "Crottin de chèvre frais (100 g)", nameEn: "Fresh goat's cheese (100 g)", unit: "PIECE", netQuantityGrams: 100, priceCents: 280, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru de chèvre, sel, ferments lactiques, présure." }),
  P({ key: "manneville-buche", producer: "chevrerie-de-manneville", category: "cremerie", name: "Bûche de chèvre cendrée (180 g)", nameEn: "Ash-coated goat's cheese log (180 g)", unit: "PIECE", netQuantityGrams: 180, priceCents: 590, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru de chèvre, sel, ferments lactiques, présure, charbon végétal." }),
  P({ key: "manneville-tomme", producer: "chevrerie-de-manneville", category: "cremerie", name: "Tomme de chèvre (à la coupe)", nameEn: "Goat's milk tomme (cut to order)", unit: "G100", priceCents: 320, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru de chèvre, sel, ferments lactiques, présure." }),
  P({ key: "manneville-lait", producer: "chevrerie-de-manneville", category: "cremerie", name: "Lait de chèvre cru", nameEn: "Raw goat's milk", unit: "LITRE", priceCents: 190, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait cru entier de chèvre." }),
  P({ key: "manneville-yaourts", producer: "chevrerie-de-manneville", category: "cremerie", name: "Yaourts au lait de chèvre (2 × 125 g)", nameEn: "Goat's milk yoghurts (2 × 125 g)", unit: "PIECE", netQuantityGrams: 250, priceCents: 330, vatRateBp: 550, allergens: ["milk"], ingredients: "Lait entier de chèvre, ferments lactiques." }),

  // --- GAEC des Herbages de Beaumais -------------------------------------------------------
  P({ key: "beaumais-colis-boeuf", producer: "herbages-de-beaumais", category: "viandes", name: "Colis de bœuf normand (5 kg)", nameEn: "Normandy beef box (5 kg)", unit: "PIECE", netQuantityGrams: 5000, priceCents: 8250, vatRateBp: 550, description: "Steaks, rôti, bourguignon, pot-au-feu et viande hachée, sous vide, étiquetés." }),
  P({ key: "beaumais-entrecote", producer: "herbages-de-beaumais", category: "viandes", name: "Entrecôte de bœuf", nameEn: "Beef rib-eye steak", unit: "PIECE", priceCents: 1050, vatRateBp: 550, estimatedWeightGrams: 350 }),
  P({ key: "beaumais-steak-hache", producer: "herbages-de-beaumais", category: "viandes", name: "Steaks hachés 15 % MG (2 × 125 g)", nameEn: "Beef burgers 15 % fat (2 × 125 g)", unit: "PIECE", netQuantityGrams: 250, priceCents: 520, vatRateBp: 550, ingredients: "Viande de bœuf (100 %)." }),
  P({ key: "beaumais-pot-au-feu", producer: "herbages-de-beaumais", category: "viandes", name: "Pot-au-feu de bœuf", nameEn: "Beef for stewing", unit: "KG", priceCents: 1390, vatRateBp: 550 }),
  P({ key: "beaumais-roti-porc", producer: "herbages-de-beaumais", category: "viandes", name: "Rôti de porc plein air", nameEn: "Free-range pork roast", unit: "PIECE", priceCents: 1690, vatRateBp: 550, estimatedWeightGrams: 1000 }),
  P({ key: "beaumais-saucisses", producer: "herbages-de-beaumais", category: "viandes", name: "Saucisses de porc (6 pièces, 600 g)", nameEn: "Pork sausages (6, 600 g)", unit: "PIECE", netQuantityGrams: 600, priceCents: 890, vatRateBp: 550, ingredients: "Viande de porc 97 %, sel, poivre, boyau naturel de porc." }),
  P({ key: "beaumais-terrine", producer: "herbages-de-beaumais", category: "epicerie", name: "Terrine de campagne au cidre (180 g)", nameEn: "Country terrine with cider (180 g)", unit: "PIECE", netQuantityGrams: 180, priceCents: 560, vatRateBp: 550, allergens: ["eggs", "milk", "sulphites"], ingredients: "Viande et foie de porc 80 %, oignons, œufs, lait, cidre (contient des sulfites), sel, poivre, muscade." }),

  // --- Les Volailles des Coteaux ------------------------------------------------------------
  P({ key: "coteaux-oeufs-12", producer: "volailles-des-coteaux", category: "cremerie", name: "Œufs de plein air (la douzaine)", nameEn: "Free-range eggs (dozen)", unit: "DOZEN", priceCents: 420, vatRateBp: 550, allergens: ["eggs"], description: "Calibre moyen à gros, pondus dans la semaine." }),
  P({ key: "coteaux-oeufs-6", producer: "volailles-des-coteaux", category: "cremerie", name: "Œufs de plein air (boîte de 6)", nameEn: "Free-range eggs (box of 6)", unit: "PIECE", priceCents: 230, vatRateBp: 550, allergens: ["eggs"] }),
  P({ key: "coteaux-poulet", producer: "volailles-des-coteaux", category: "viandes", name: "Poulet fermier entier", nameEn: "Whole farm chicken", unit: "PIECE", priceCents: 1890, vatRateBp: 550, estimatedWeightGrams: 1800, description: "Prêt à cuire, 81 jours minimum en plein air." }),
  P({ key: "coteaux-pintade", producer: "volailles-des-coteaux", category: "viandes", name: "Pintade fermière", nameEn: "Farm guinea fowl", unit: "PIECE", priceCents: 1790, vatRateBp: 550, estimatedWeightGrams: 1400 }),
  P({ key: "coteaux-cuisses", producer: "volailles-des-coteaux", category: "viandes", name: "Cuisses de poulet fermier (×2)", nameEn: "Farm chicken legs (×2)", unit: "PIECE", priceCents: 780, vatRateBp: 550, estimatedWeightGrams: 600 }),

  // --- Cidrerie du Manoir d'Ancourt ----------------------------------------------------------
  P({ key: "ancourt-cidre-brut", producer: "cidrerie-du-manoir-d-ancourt", category: "boissons", name: "Cidre brut fermier (75 cl)", nameEn: "Dry farmhouse cider (75 cl)", unit: "PIECE", netQuantityGrams: 750, priceCents: 560, vatRateBp: 2000, allergens: ["sulphites"], ingredients: "Jus de pommes à cidre fermenté. Contient des sulfites. 5 % vol." }),
  P({ key: "ancourt-cidre-doux", producer: "cidrerie-du-manoir-d-ancourt", category: "boissons", name: "Cidre doux (75 cl)", nameEn: "Sweet cider (75 cl)", unit: "PIECE", netQuantityGrams: 750, priceCents: 540, vatRateBp: 2000, allergens: ["sulphites"], ingredients: "Jus de pommes à cidre fermenté. Contient des sulfites. 2,5 % vol." }),
  P({ key: "ancourt-poire", producer: "cidrerie-du-manoir-d-ancourt", category: "boissons", name: "Poiré fermier (75 cl)", nameEn: "Farmhouse perry (75 cl)", unit: "PIECE", netQuantityGrams: 750, priceCents: 720, vatRateBp: 2000, allergens: ["sulphites"], ingredients: "Jus de poires à poiré fermenté. Contient des sulfites. 4 % vol." }),
  P({ key: "ancourt-pommeau", producer: "cidrerie-du-manoir-d-ancourt", category: "boissons", name: "Pommeau (70 cl)", nameEn: "Pommeau (70 cl)", unit: "PIECE", netQuantityGrams: 700, priceCents: 1890, vatRateBp: 2000, ingredients: "Moût de pommes, eau-de-vie de cidre. 17 % vol." }),
  P({ key: "ancourt-petillant", producer: "cidrerie-du-manoir-d-ancourt", category: "boissons", name: "Jus de pomme pétillant (75 cl)", nameEn: "Sparkling apple juice (75 cl)", unit: "PIECE", netQuantityGrams: 750, priceCents: 420, vatRateBp: 550, ingredients: "Jus de pommes (100 %), gazéifié naturellement." }),
  P({ key: "ancourt-vinaigre", producer: "cidrerie-du-manoir-d-ancourt", category: "epicerie", name: "Vinaigre de cidre (50 cl)", nameEn: "Cider vinegar (50 cl)", unit: "PIECE", netQuantityGrams: 500, priceCents: 450, vatRateBp: 550, allergens: ["sulphites"], ingredients: "Vinaigre de cidre. Acidité 5 %. Contient des sulfites." }),
  P({ key: "ancourt-gelee", producer: "cidrerie-du-manoir-d-ancourt", category: "epicerie", name: "Gelée de cidre (250 g)", nameEn: "Cider jelly (250 g)", unit: "PIECE", netQuantityGrams: 250, priceCents: 490, vatRateBp: 550, allergens: ["sulphites"], ingredients: "Cidre (contient des sulfites), sucre, pectine de fruits." }),

  // --- Le Fournil de Martin-Église ---------------------------------------------------------
  P({ key: "fournil-campagne", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Pain de campagne au levain (800 g)", nameEn: "Sourdough country loaf (800 g)", unit: "PIECE", netQuantityGrams: 800, priceCents: 420, vatRateBp: 550, allergens: ["gluten"], ingredients: "Farine de blé T80, eau, levain naturel, sel." }),
  P({ key: "fournil-baguette", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Baguette de tradition", nameEn: "Traditional baguette", unit: "PIECE", netQuantityGrams: 250, priceCents: 130, vatRateBp: 550, allergens: ["gluten"], ingredients: "Farine de blé T65, eau, levain, levure, sel." }),
  P({ key: "fournil-seigle", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Pain complet au seigle (500 g)", nameEn: "Wholemeal rye bread (500 g)", unit: "PIECE", netQuantityGrams: 500, priceCents: 390, vatRateBp: 550, allergens: ["gluten"], ingredients: "Farine de seigle T130, farine de blé T110, eau, levain naturel, sel." }),
  P({ key: "fournil-noix", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Pain aux noix (400 g)", nameEn: "Walnut bread (400 g)", unit: "PIECE", netQuantityGrams: 400, priceCents: 450, vatRateBp: 550, allergens: ["gluten", "nuts"], ingredients: "Farine de blé T80, eau, cerneaux de noix 15 %, levain naturel, sel." }),
  P({ key: "fournil-graines", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Pain aux graines (500 g)", nameEn: "Seeded bread (500 g)", unit: "PIECE", netQuantityGrams: 500, priceCents: 430, vatRateBp: 550, allergens: ["gluten", "sesame"], ingredients: "Farine de blé T80, eau, graines de tournesol, de lin et de sésame 12 %, levain naturel, sel." }),
  P({ key: "fournil-brioche", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Brioche au beurre (400 g)", nameEn: "Butter brioche (400 g)", unit: "PIECE", netQuantityGrams: 400, priceCents: 620, vatRateBp: 550, allergens: ["gluten", "eggs", "milk"], ingredients: "Farine de blé, œufs, beurre 20 %, sucre, lait, levure, sel." }),
  P({ key: "fournil-fallue", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Fallue normande (350 g)", nameEn: "Normandy fallue brioche (350 g)", unit: "PIECE", netQuantityGrams: 350, priceCents: 550, vatRateBp: 550, allergens: ["gluten", "eggs", "milk"], ingredients: "Farine de blé, crème fraîche, œufs, beurre, sucre, levure, sel." }),
  P({ key: "fournil-sables", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Sablés au beurre normand (200 g)", nameEn: "Normandy butter shortbread (200 g)", unit: "PIECE", netQuantityGrams: 200, priceCents: 480, vatRateBp: 550, allergens: ["gluten", "eggs", "milk"], ingredients: "Farine de blé, beurre 30 %, sucre, jaunes d'œufs, sel de Guérande." }),
  P({ key: "fournil-tarte-pommes", producer: "fournil-de-martin-eglise", category: "boulangerie", name: "Tarte normande aux pommes (6 parts)", nameEn: "Normandy apple tart (serves 6)", unit: "PIECE", netQuantityGrams: 900, priceCents: 1450, vatRateBp: 550, allergens: ["gluten", "eggs", "milk"], ingredients: "Pommes 50 %, farine de blé, beurre, crème, œufs, sucre, sel." }),

  // --- La Miellerie de Sainte-Marguerite ------------------------------------------------------
  P({ key: "miellerie-printemps", producer: "miellerie-de-sainte-marguerite", category: "epicerie", name: "Miel de printemps (500 g)", nameEn: "Spring honey (500 g)", unit: "PIECE", netQuantityGrams: 500, priceCents: 950, vatRateBp: 550, ingredients: "Miel." }),
  P({ key: "miellerie-colza", producer: "miellerie-de-sainte-marguerite", category: "epicerie", name: "Miel de colza crémeux (250 g)", nameEn: "Creamy rapeseed honey (250 g)", unit: "PIECE", netQuantityGrams: 250, priceCents: 590, vatRateBp: 550, ingredients: "Miel de colza." }),
  P({ key: "miellerie-foret", producer: "miellerie-de-sainte-marguerite", category: "epicerie", name: "Miel de forêt (500 g)", nameEn: "Forest honey (500 g)", unit: "PIECE", netQuantityGrams: 500, priceCents: 1050, vatRateBp: 550, ingredients: "Miel." }),
  P({ key: "miellerie-pain-epices", producer: "miellerie-de-sainte-marguerite", category: "epicerie", name: "Pain d'épices au miel (300 g)", nameEn: "Honey gingerbread (300 g)", unit: "PIECE", netQuantityGrams: 300, priceCents: 690, vatRateBp: 550, allergens: ["gluten", "eggs", "milk"], ingredients: "Miel 40 %, farine de seigle, farine de blé, œufs, lait, épices (cannelle, anis, gingembre), bicarbonate." }),
  P({ key: "miellerie-hydromel", producer: "miellerie-de-sainte-marguerite", category: "boissons", name: "Hydromel (75 cl)", nameEn: "Mead (75 cl)", unit: "PIECE", netQuantityGrams: 750, priceCents: 1450, vatRateBp: 2000, allergens: ["sulphites"], ingredients: "Eau, miel, levures. Contient des sulfites. 13 % vol." }),

  // --- Le Pourquoi-Pas (chalut côtier, Dieppe) ------------------------------------------------
  P({ key: "pourquoi-pas-merlan", producer: "le-pourquoi-pas", category: "poissons", name: "Merlan entier", nameEn: "Whole whiting", unit: "PIECE", priceCents: 650, vatRateBp: 550, estimatedWeightGrams: 500, allergens: ["fish"], sea: { species: "merlan", gear: "trawls" }, description: "Vidé sur demande." }),
  P({ key: "pourquoi-pas-sole", producer: "le-pourquoi-pas", category: "poissons", name: "Sole commune", nameEn: "Common sole", unit: "KG", priceCents: 2690, vatRateBp: 550, allergens: ["fish"], sea: { species: "sole", gear: "trawls" }, description: "Petites soles du chalut côtier, vendues entières au kilo." }),
  P({ key: "pourquoi-pas-filets-merlan", producer: "le-pourquoi-pas", category: "poissons", name: "Filets de merlan", nameEn: "Whiting fillets", unit: "KG", priceCents: 1890, vatRateBp: 550, allergens: ["fish"], sea: { species: "merlan", gear: "trawls" } }),
  P({ key: "pourquoi-pas-plie", producer: "le-pourquoi-pas", category: "poissons", name: "Plie (carrelet) entière", nameEn: "Whole plaice", unit: "PIECE", priceCents: 720, vatRateBp: 550, estimatedWeightGrams: 600, allergens: ["fish"], sea: { species: "plie", gear: "trawls" } }),
  P({ key: "pourquoi-pas-limande", producer: "le-pourquoi-pas", category: "poissons", name: "Limande", nameEn: "Dab", unit: "KG", priceCents: 1190, vatRateBp: 550, allergens: ["fish"], sea: { species: "limande", gear: "trawls" } }),
  P({ key: "pourquoi-pas-grondin", producer: "le-pourquoi-pas", category: "poissons", name: "Grondin rouge", nameEn: "Red gurnard", unit: "KG", priceCents: 990, vatRateBp: 550, allergens: ["fish"], sea: { species: "grondin-rouge", gear: "trawls" }, description: "Parfait pour la soupe de poissons." }),
  P({ key: "pourquoi-pas-maquereau", producer: "le-pourquoi-pas", category: "poissons", name: "Maquereau", nameEn: "Mackerel", unit: "KG", priceCents: 890, vatRateBp: 550, allergens: ["fish"], sea: { species: "maquereau", gear: "trawls" } }),
  P({ key: "pourquoi-pas-tacaud", producer: "le-pourquoi-pas", category: "poissons", name: "Tacaud", nameEn: "Pouting", unit: "KG", priceCents: 690, vatRateBp: 550, allergens: ["fish"], sea: { species: "tacaud", gear: "trawls" } }),
  P({ key: "pourquoi-pas-seiche", producer: "le-pourquoi-pas", category: "coquillages", name: "Seiche nettoyée", nameEn: "Cleaned cuttlefish", unit: "KG", priceCents: 1450, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "seiche", gear: "trawls" } }),
  P({ key: "pourquoi-pas-encornets", producer: "le-pourquoi-pas", category: "coquillages", name: "Encornets", nameEn: "Squid", unit: "KG", priceCents: 1590, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "encornet", gear: "trawls" } }),
  P({
    key: "panier-mer", producer: "le-pourquoi-pas", category: "paniers", name: "Panier de la mer", nameEn: "Sea basket",
    description: "Environ 2 kg de poissons et coquillages débarqués à Dieppe, selon la pêche de la semaine ; vidés sur demande.",
    unit: "PIECE", priceCents: 2500, vatRateBp: 550, allergens: ["fish", "molluscs"],
    compositions: [
      [
        { label: "Merlan entier", labelEn: "Whole whiting", quantityLabel: "1 pièce (500 g environ)", indicativePriceCents: 650 },
        { label: "Plie entière", labelEn: "Whole plaice", quantityLabel: "1 pièce (600 g environ)", indicativePriceCents: 720 },
        { label: "Encornets", labelEn: "Squid", quantityLabel: "500 g", indicativePriceCents: 795 },
        { label: "Grondin rouge", labelEn: "Red gurnard", quantityLabel: "400 g", indicativePriceCents: 396 },
      ],
      [
        { label: "Filets de merlan", labelEn: "Whiting fillets", quantityLabel: "400 g", indicativePriceCents: 756 },
        { label: "Seiche nettoyée", labelEn: "Cleaned cuttlefish", quantityLabel: "500 g", indicativePriceCents: 725 },
        { label: "Limande", labelEn: "Dab", quantityLabel: "600 g", indicativePriceCents: 714 },
        { label: "Maquereau", labelEn: "Mackerel", quantityLabel: "400 g", indicativePriceCents: 356 },
      ],
      [
        { label: "Coquilles Saint-Jacques entières", labelEn: "Whole king scallops", quantityLabel: "1,5 kg", indicativePriceCents: 1185 },
        { label: "Merlan entier", labelEn: "Whole whiting", quantityLabel: "1 pièce (500 g environ)", indicativePriceCents: 650 },
        { label: "Maquereau", labelEn: "Mackerel", quantityLabel: "500 g", indicativePriceCents: 445 },
        { label: "Bulots cuits", labelEn: "Cooked whelks", quantityLabel: "250 g", indicativePriceCents: 323 },
      ],
    ],
  }),
  P({
    key: "panier-terre-mer", producer: "le-pourquoi-pas", category: "paniers", name: "Panier terre & mer", nameEn: "Land & sea basket",
    description: "Le poisson du Pourquoi-Pas et les légumes bio des Jardins des Falaises : de quoi cuisiner deux repas pour quatre.",
    unit: "PIECE", priceCents: 3200, vatRateBp: 550, allergens: ["fish", "molluscs", "gluten", "milk"],
    compositions: [
      [
        { label: "Filets de merlan", labelEn: "Whiting fillets", quantityLabel: "400 g", indicativePriceCents: 756 },
        { label: "Coquilles Saint-Jacques entières", labelEn: "Whole king scallops", quantityLabel: "1 kg", indicativePriceCents: 790 },
        { label: "Pommes de terre Charlotte (bio)", labelEn: "Charlotte potatoes (organic)", quantityLabel: "1,5 kg", indicativePriceCents: 390 },
        { label: "Poireaux (bio)", labelEn: "Leeks (organic)", quantityLabel: "1 kg", indicativePriceCents: 380 },
        { label: "Carottes (bio)", labelEn: "Carrots (organic)", quantityLabel: "1 kg", indicativePriceCents: 320 },
        { label: "Persil plat (bio)", labelEn: "Flat-leaf parsley (organic)", quantityLabel: "1 botte", indicativePriceCents: 120 },
        { label: "Pain de campagne au levain", labelEn: "Sourdough country loaf", quantityLabel: "800 g", indicativePriceCents: 420 },
      ],
      [
        { label: "Seiche nettoyée", labelEn: "Cleaned cuttlefish", quantityLabel: "500 g", indicativePriceCents: 725 },
        { label: "Plie entière", labelEn: "Whole plaice", quantityLabel: "1 pièce (600 g environ)", indicativePriceCents: 720 },
        { label: "Pommes de terre Charlotte (bio)", labelEn: "Charlotte potatoes (organic)", quantityLabel: "1 kg", indicativePriceCents: 260 },
        { label: "Oignons jaunes (bio)", labelEn: "Yellow onions (organic)", quantityLabel: "500 g", indicativePriceCents: 140 },
        { label: "Salade batavia (bio)", labelEn: "Batavia lettuce (organic)", quantityLabel: "1 pièce", indicativePriceCents: 150 },
        { label: "Persil plat (bio)", labelEn: "Flat-leaf parsley (organic)", quantityLabel: "1 botte", indicativePriceCents: 120 },
        { label: "Pain de campagne au levain", labelEn: "Sourdough country loaf", quantityLabel: "800 g", indicativePriceCents: 420 },
        { label: "Beurre demi-sel de baratte", labelEn: "Churned salted butter", quantityLabel: "250 g", indicativePriceCents: 430 },
        { label: "Poireaux (bio)", labelEn: "Leeks (organic)", quantityLabel: "500 g", indicativePriceCents: 190 },
      ],
    ],
  }),

  // --- L'Estran, ligneurs du Pollet ------------------------------------------------------------
  P({ key: "estran-bar", producer: "ligneurs-du-pollet", category: "poissons", name: "Bar de ligne", nameEn: "Line-caught seabass", unit: "PIECE", priceCents: 3480, vatRateBp: 550, estimatedWeightGrams: 1200, allergens: ["fish"], sea: { species: "bar", gear: "hooks-lines" }, description: "Pêché à la ligne, poinçonné à l'ouïe." }),
  P({ key: "estran-sole", producer: "ligneurs-du-pollet", category: "poissons", name: "Sole", nameEn: "Dover sole", unit: "PIECE", priceCents: 1050, vatRateBp: 550, estimatedWeightGrams: 350, allergens: ["fish"], sea: { species: "sole", gear: "gillnets" } }),
  P({ key: "estran-turbot", producer: "ligneurs-du-pollet", category: "poissons", name: "Turbot", nameEn: "Turbot", unit: "KG", priceCents: 3290, vatRateBp: 550, allergens: ["fish"], sea: { species: "turbot", gear: "gillnets" } }),
  P({ key: "estran-barbue", producer: "ligneurs-du-pollet", category: "poissons", name: "Barbue", nameEn: "Brill", unit: "KG", priceCents: 2290, vatRateBp: 550, allergens: ["fish"], sea: { species: "barbue", gear: "gillnets" } }),
  P({ key: "estran-dorade", producer: "ligneurs-du-pollet", category: "poissons", name: "Dorade grise", nameEn: "Black seabream", unit: "PIECE", priceCents: 1520, vatRateBp: 550, estimatedWeightGrams: 800, allergens: ["fish"], sea: { species: "dorade-grise", gear: "hooks-lines" } }),
  P({ key: "estran-raie", producer: "ligneurs-du-pollet", category: "poissons", name: "Ailes de raie bouclée", nameEn: "Thornback ray wings", unit: "KG", priceCents: 1690, vatRateBp: 550, allergens: ["fish"], sea: { species: "raie-bouclee", gear: "gillnets" } }),
  P({ key: "estran-maquereau-ligne", producer: "ligneurs-du-pollet", category: "poissons", name: "Maquereau de ligne", nameEn: "Line-caught mackerel", unit: "KG", priceCents: 990, vatRateBp: 0, allergens: ["fish"], sea: { species: "maquereau", gear: "hooks-lines" }, description: "Vendu directement par le pêcheur qui l'a pêché." }),
  P({ key: "estran-cabillaud", producer: "ligneurs-du-pollet", category: "poissons", name: "Filets de cabillaud", nameEn: "Cod fillets", unit: "KG", priceCents: 2490, vatRateBp: 550, allergens: ["fish"], sea: { species: "cabillaud", gear: "gillnets" } }),
  P({ key: "estran-emissole", producer: "ligneurs-du-pollet", category: "poissons", name: "Émissole (saumonette)", nameEn: "Smooth-hound", unit: "KG", priceCents: 1190, vatRateBp: 550, allergens: ["fish"], sea: { species: "emissole", gear: "gillnets" }, description: "Vendue dépouillée, sans arête." }),

  // --- Le Jean-Ango (drague et casiers) -------------------------------------------------------
  P({ key: "jean-ango-saint-jacques", producer: "le-jean-ango", category: "coquillages", name: "Coquilles Saint-Jacques de Dieppe", nameEn: "Dieppe king scallops", unit: "KG", priceCents: 790, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "coquille-saint-jacques", gear: "dredges" }, description: "Entières, vivantes ; ouverture sur demande." }),
  P({ key: "jean-ango-noix-fraiches", producer: "le-jean-ango", category: "coquillages", name: "Noix de Saint-Jacques fraîches", nameEn: "Fresh scallop meat", unit: "G100", priceCents: 499, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "coquille-saint-jacques", gear: "dredges" } }),
  P({ key: "jean-ango-noix-decongelees", producer: "le-jean-ango", category: "coquillages", name: "Noix de Saint-Jacques décongelées", nameEn: "Thawed scallop meat", unit: "G100", priceCents: 450, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "coquille-saint-jacques", gear: "dredges", thawed: true }, description: "Surgelées à bord en pleine saison, décongelées pour la vente : ne pas recongeler." }),
  P({ key: "jean-ango-vanneaux", producer: "le-jean-ango", category: "coquillages", name: "Vanneaux (pétoncles)", nameEn: "Queen scallops", unit: "KG", priceCents: 690, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "petoncle-vanneau", gear: "dredges" } }),
  P({ key: "jean-ango-bulots-vivants", producer: "le-jean-ango", category: "coquillages", name: "Bulots vivants", nameEn: "Live whelks", unit: "KG", priceCents: 890, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "bulot", gear: "pots-traps" } }),
  P({ key: "jean-ango-bulots-cuits", producer: "le-jean-ango", category: "coquillages", name: "Bulots cuits au court-bouillon", nameEn: "Whelks cooked in court-bouillon", unit: "KG", priceCents: 1290, vatRateBp: 550, allergens: ["molluscs", "celery"], ingredients: "Bulots, eau, sel, poivre, céleri, laurier, thym.", sea: { species: "bulot", gear: "pots-traps" } }),
  P({ key: "jean-ango-moules", producer: "le-jean-ango", category: "coquillages", name: "Moules de bouchot", nameEn: "Rope-grown mussels", unit: "KG", priceCents: 490, vatRateBp: 550, allergens: ["molluscs"], sea: { species: "moule" }, description: "Élevées en baie de Somme par un mytiliculteur voisin ; vendues avec nos coquillages." }),

  // --- La Conserverie du Pollet ---------------------------------------------------------------
  P({ key: "conserverie-harengs-fumes", producer: "conserverie-du-pollet", category: "poissons", name: "Filets de hareng fumés doux (200 g)", nameEn: "Mild smoked herring fillets (200 g)", unit: "PIECE", netQuantityGrams: 200, priceCents: 590, vatRateBp: 550, allergens: ["fish"], ingredients: "Filets de hareng (Clupea harengus) 97 %, sel. Fumé au bois de hêtre.", sea: { species: "hareng", gear: "trawls" } }),
  P({ key: "conserverie-rillettes-maquereau", producer: "conserverie-du-pollet", category: "epicerie", name: "Rillettes de maquereau (180 g)", nameEn: "Mackerel rillettes (180 g)", unit: "PIECE", netQuantityGrams: 180, priceCents: 560, vatRateBp: 550, allergens: ["fish", "milk", "mustard"], ingredients: "Maquereau 60 %, fromage frais, crème, moutarde, jus de citron, ciboulette, sel, poivre." }),
  P({ key: "conserverie-soupe", producer: "conserverie-du-pollet", category: "epicerie", name: "Soupe de poissons de Dieppe (1 L)", nameEn: "Dieppe fish soup (1 L)", unit: "PIECE", netQuantityGrams: 1000, priceCents: 750, vatRateBp: 550, allergens: ["fish", "celery"], ingredients: "Eau, poissons de la Manche (grondin, merlan, tacaud) 35 %, tomates, oignons, poireaux, céleri, huile de colza, ail, sel, safran, poivre." }),
  P({ key: "conserverie-terrine-saint-jacques", producer: "conserverie-du-pollet", category: "epicerie", name: "Terrine de Saint-Jacques (180 g)", nameEn: "Scallop terrine (180 g)", unit: "PIECE", netQuantityGrams: 180, priceCents: 690, vatRateBp: 550, allergens: ["molluscs", "eggs", "milk"], ingredients: "Noix de Saint-Jacques 40 %, merlan, crème, œufs, échalotes, sel, poivre." }),
  P({ key: "conserverie-marmite", producer: "conserverie-du-pollet", category: "epicerie", name: "Marmite dieppoise (2 parts, 700 g)", nameEn: "Dieppe fish stew (serves 2, 700 g)", unit: "PIECE", netQuantityGrams: 700, priceCents: 1450, vatRateBp: 550, allergens: ["fish", "molluscs", "crustaceans", "milk", "celery", "sulphites"], ingredients: "Poissons de la Manche 35 %, moules, crevettes, crème, poireaux, céleri, vin blanc (contient des sulfites), beurre, échalotes, sel, poivre." }),
  P({ key: "conserverie-harengs-marines", producer: "conserverie-du-pollet", category: "epicerie", name: "Harengs marinés à l'ancienne (300 g)", nameEn: "Marinated herrings (300 g)", unit: "PIECE", netQuantityGrams: 300, priceCents: 620, vatRateBp: 550, allergens: ["fish", "mustard", "sulphites"], ingredients: "Filets de hareng 55 %, huile de colza, oignons, carottes, vinaigre de vin (contient des sulfites), graines de moutarde, laurier, sel." }),
];

// ---------------------------------------------------------------------------------------------
// Pickup points and their weekly distributions
// ---------------------------------------------------------------------------------------------

export type WeeklySchedule = {
  /** 0 = Sunday … 5 = Friday, 6 = Saturday (Paris calendar). */
  weekday: number;
  start: string;
  end: string;
  /** Ordering closes this many days before, at `cutoffTime`. */
  cutoffDaysBefore: number;
  cutoffTime: string;
  /** Ordering opens this many days before, at `opensTime`. */
  opensDaysBefore: number;
  opensTime: string;
  slotMinutes: number;
  slotCapacity: number;
};

export type DemoPickupPoint = {
  key: string;
  name: string;
  kind: PickupPointKind;
  address: string;
  place: Place;
  accessibilityNotes: string;
  /** The organisation that runs it (farm, AMAP), if any. */
  organisation?: string;
  schedule: WeeklySchedule;
  /** Producers whose whole range is offered at each distribution. */
  producers: string[];
  /** Single products offered on top of those producers' ranges (e.g. baskets). */
  extraProducts?: string[];
};

/** The quay: every Friday, 17:00–19:00; orders close on Wednesday 20:00, open two weeks before, on Saturday 08:00. */
export const QUAY_PICKUP_POINT_KEY = "quai-henri-iv";

export const DEMO_PICKUP_POINTS: readonly DemoPickupPoint[] = [
  {
    key: QUAY_PICKUP_POINT_KEY,
    name: "Quai Henri IV — étal des pêcheurs",
    kind: "PORT",
    address: "Quai Henri IV, 76200 Dieppe",
    place: { commune: "Dieppe", dLat: 0.0033, dLon: -0.0041 },
    accessibilityNotes:
      "Quai de plain-pied, sol pavé par endroits ; deux places de stationnement réservées aux personnes handicapées place Henri IV ; étal abrité sous barnum, glace sur place.",
    schedule: { weekday: 5, start: "17:00", end: "19:00", cutoffDaysBefore: 2, cutoffTime: "20:00", opensDaysBefore: 13, opensTime: "08:00", slotMinutes: 30, slotCapacity: 20 },
    producers: [
      "le-pourquoi-pas",
      "ligneurs-du-pollet",
      "le-jean-ango",
      "conserverie-du-pollet",
      "jardins-des-falaises",
      "ferme-laitiere-de-sauqueville",
      "fournil-de-martin-eglise",
      "cidrerie-du-manoir-d-ancourt",
      "vergers-de-rouxmesnil",
    ],
    extraProducts: ["coteaux-oeufs-12", "miellerie-printemps", "miellerie-colza"],
  },
  {
    key: "ferme-des-falaises",
    name: "Les Jardins des Falaises — vente à la ferme",
    kind: "FARM",
    address: "Chemin du Phare, 76119 Varengeville-sur-Mer",
    place: { commune: "Varengeville-sur-Mer", dLat: 0.0031, dLon: -0.0045 },
    accessibilityNotes: "Cour gravillonnée, hangar de plain-pied ; parking dans la cour. Chemin non éclairé l'hiver.",
    organisation: "jardins-des-falaises",
    schedule: { weekday: 6, start: "09:00", end: "12:00", cutoffDaysBefore: 2, cutoffTime: "20:00", opensDaysBefore: 13, opensTime: "08:00", slotMinutes: 30, slotCapacity: 12 },
    producers: ["jardins-des-falaises", "miellerie-de-sainte-marguerite", "cidrerie-du-manoir-d-ancourt", "fournil-de-martin-eglise"],
  },
  {
    key: "ferme-de-sauqueville",
    name: "Ferme laitière de Sauqueville — magasin de la ferme",
    kind: "FARM",
    address: "Hameau du Bois Robert, 76550 Sauqueville",
    place: { commune: "Sauqueville", dLat: 0.0028, dLon: -0.0031 },
    accessibilityNotes: "Magasin de plain-pied avec rampe ; place de stationnement adaptée devant la porte.",
    organisation: "ferme-laitiere-de-sauqueville",
    schedule: { weekday: 3, start: "17:00", end: "19:00", cutoffDaysBefore: 2, cutoffTime: "20:00", opensDaysBefore: 13, opensTime: "08:00", slotMinutes: 30, slotCapacity: 10 },
    producers: ["ferme-laitiere-de-sauqueville", "chevrerie-de-manneville", "herbages-de-beaumais", "potager-d-hautot"],
  },
  {
    key: "amap-offranville",
    name: "AMAP Les Paniers de la Scie — salle des associations",
    kind: "AMAP",
    address: "Salle des associations, rue Jean Jaurès, 76550 Offranville",
    place: { commune: "Offranville", dLat: -0.0012, dLon: 0.0016 },
    accessibilityNotes: "Salle de plain-pied, toilettes accessibles ; bénévoles pour porter les paniers jusqu'à la voiture.",
    organisation: "amap-paniers-de-la-scie",
    schedule: { weekday: 2, start: "18:00", end: "19:30", cutoffDaysBefore: 2, cutoffTime: "20:00", opensDaysBefore: 13, opensTime: "08:00", slotMinutes: 30, slotCapacity: 15 },
    producers: ["potager-de-la-scie", "chevrerie-de-manneville", "herbages-de-beaumais", "volailles-des-coteaux", "fournil-de-martin-eglise"],
    extraProducts: ["panier-legumes-petit", "panier-legumes-familial", "vergers-reinette", "vergers-jus-pomme"],
  },
  {
    key: "mairie-arques",
    name: "Mairie d'Arques-la-Bataille — préau",
    kind: "TOWN_HALL",
    address: "Place de la Mairie, 76880 Arques-la-Bataille",
    place: { commune: "Arques-la-Bataille", dLat: 0.0008, dLon: -0.0011 },
    accessibilityNotes: "Préau couvert de plain-pied ; stationnement sur la place, dont une place réservée.",
    schedule: { weekday: 4, start: "16:30", end: "18:30", cutoffDaysBefore: 2, cutoffTime: "20:00", opensDaysBefore: 13, opensTime: "08:00", slotMinutes: 30, slotCapacity: 10 },
    producers: ["potager-d-hautot", "vergers-de-rouxmesnil", "herbages-de-beaumais", "volailles-des-coteaux", "fournil-de-martin-eglise"],
  },
  {
    key: "epicerie-du-pollet",
    name: "L'Épicerie du Pollet",
    kind: "SHOP",
    address: "Grande Rue du Pollet, 76200 Dieppe",
    place: { commune: "Dieppe", dLat: 0.0046, dLon: 0.0049 },
    accessibilityNotes: "Une marche de 12 cm à l'entrée, rampe amovible sur demande ; retrait possible sur le trottoir.",
    schedule: { weekday: 3, start: "16:00", end: "19:00", cutoffDaysBefore: 2, cutoffTime: "20:00", opensDaysBefore: 13, opensTime: "08:00", slotMinutes: 30, slotCapacity: 12 },
    producers: ["conserverie-du-pollet", "cidrerie-du-manoir-d-ancourt", "miellerie-de-sainte-marguerite", "chevrerie-de-manneville", "potager-de-la-scie"],
  },
];

/** How many upcoming weekly distributions each pickup point gets. */
export const DEMO_WEEKS_AHEAD = 4;

// ---------------------------------------------------------------------------------------------
// Last week's orders (already handed over)
// ---------------------------------------------------------------------------------------------

export type DemoPastOrder = {
  consumer: string;
  pickupPoint: string;
  /** Index of the 30-minute slot in the distribution. */
  slot: number;
  lines: Array<[productKey: string, quantity: number]>;
};

export const DEMO_PAST_ORDERS: readonly DemoPastOrder[] = [
  { consumer: "camille", pickupPoint: QUAY_PICKUP_POINT_KEY, slot: 1, lines: [["panier-mer", 1], ["fournil-campagne", 1], ["ancourt-cidre-brut", 2], ["sauqueville-beurre-demi-sel", 1]] },
  { consumer: "martine", pickupPoint: QUAY_PICKUP_POINT_KEY, slot: 0, lines: [["panier-terre-mer", 1], ["fournil-baguette", 2]] },
  { consumer: "kevin", pickupPoint: QUAY_PICKUP_POINT_KEY, slot: 0, lines: [["jean-ango-saint-jacques", 2], ["falaises-pdt-charlotte", 2], ["falaises-persil", 1]] },
  { consumer: "sophie", pickupPoint: QUAY_PICKUP_POINT_KEY, slot: 2, lines: [["estran-bar", 1], ["falaises-batavia", 1], ["vergers-jus-pomme", 2]] },
  { consumer: "emma", pickupPoint: QUAY_PICKUP_POINT_KEY, slot: 3, lines: [["panier-mer", 1], ["conserverie-harengs-fumes", 2], ["ancourt-cidre-doux", 1]] },
  { consumer: "olivier", pickupPoint: QUAY_PICKUP_POINT_KEY, slot: 1, lines: [["pourquoi-pas-filets-merlan", 1], ["pourquoi-pas-sole", 3], ["jean-ango-bulots-cuits", 1], ["fournil-seigle", 1]] },
  { consumer: "camille", pickupPoint: "amap-offranville", slot: 0, lines: [["panier-legumes-familial", 1], ["coteaux-oeufs-12", 1]] },
  { consumer: "nadia", pickupPoint: "amap-offranville", slot: 1, lines: [["panier-legumes-petit", 1], ["manneville-buche", 1], ["fournil-campagne", 1]] },
  { consumer: "martine", pickupPoint: "amap-offranville", slot: 2, lines: [["scie-tomates", 2], ["beaumais-saucisses", 1]] },
];

/** Pickup points that also get last week's (past) distribution, holding the orders above. */
export const DEMO_PAST_DISTRIBUTION_POINTS: readonly string[] = [...new Set(DEMO_PAST_ORDERS.map((order) => order.pickupPoint))];

// ---------------------------------------------------------------------------------------------
// Donations
// ---------------------------------------------------------------------------------------------

/**
 * What last week's quay distribution left unsold for the demo fisher: exactly this many kilos of
 * sole, which the donation journey turns into a lot for the charities.
 */
export const DEMO_UNSOLD = { pickupPoint: QUAY_PICKUP_POINT_KEY, product: "pourquoi-pas-sole", kilos: 15 } as const;

/** A past donation: a lot given some days ago and the claims charities collected from it. */
export type DemoPastDonation = {
  donor: string;
  productName: string;
  category: CategoryId;
  kilos: number;
  storage: "AMBIENT" | "CHILLED" | "FROZEN";
  /** Days between the pickup and the use-by date (none: best-before or nothing). */
  useByDaysAfterPickup?: number;
  rawFishery?: boolean;
  costPriceCents: number;
  daysAgo: number;
  lotNumber?: string;
  claims: Array<{ charity: string; kilos: number; temperatureC?: number }>;
};

/** Six months of donations, so the impact page and the donors' yearly summaries have figures. */
export const DEMO_PAST_DONATIONS: readonly DemoPastDonation[] = [
  { donor: "jardins-des-falaises", productName: "Carottes (calibre irrégulier)", category: "legumes", kilos: 40, storage: "AMBIENT", costPriceCents: 90, daysAgo: 160, claims: [{ charity: "restos-du-coeur-dieppe", kilos: 25 }, { charity: "secours-populaire-dieppe", kilos: 15 }] },
  { donor: "le-pourquoi-pas", productName: "Merlan entier", category: "poissons", kilos: 22, storage: "CHILLED", useByDaysAfterPickup: 3, rawFishery: true, costPriceCents: 310, daysAgo: 131, lotNumber: "DP-0617-02", claims: [{ charity: "croix-rouge-dieppe", kilos: 12, temperatureC: 2.5 }, { charity: "secours-populaire-dieppe", kilos: 10, temperatureC: 3 }] },
  { donor: "jardins-des-falaises", productName: "Courges butternut", category: "legumes", kilos: 60, storage: "AMBIENT", costPriceCents: 110, daysAgo: 97, claims: [{ charity: "restos-du-coeur-dieppe", kilos: 40 }, { charity: "croix-rouge-dieppe", kilos: 20 }] },
  { donor: "ferme-laitiere-de-sauqueville", productName: "Yaourts nature (pots de 125 g)", category: "cremerie", kilos: 18, storage: "CHILLED", useByDaysAfterPickup: 2, costPriceCents: 240, daysAgo: 72, claims: [{ charity: "croix-rouge-dieppe", kilos: 18, temperatureC: 3.5 }] },
  { donor: "le-pourquoi-pas", productName: "Tacaud entier", category: "poissons", kilos: 30, storage: "CHILLED", useByDaysAfterPickup: 3, rawFishery: true, costPriceCents: 220, daysAgo: 45, lotNumber: "DP-1011-05", claims: [{ charity: "maree-solidaire", kilos: 30, temperatureC: 1.5 }] },
  { donor: "jardins-des-falaises", productName: "Poireaux", category: "legumes", kilos: 25, storage: "AMBIENT", costPriceCents: 130, daysAgo: 20, claims: [{ charity: "secours-populaire-dieppe", kilos: 25 }] },
  { donor: "le-pourquoi-pas", productName: "Limande", category: "poissons", kilos: 14, storage: "CHILLED", useByDaysAfterPickup: 3, rawFishery: true, costPriceCents: 380, daysAgo: 9, lotNumber: "DP-1117-01", claims: [{ charity: "secours-populaire-dieppe", kilos: 8, temperatureC: 2 }, { charity: "croix-rouge-dieppe", kilos: 6, temperatureC: 2.5 }] },
];

/**
 * A panier de la mer from the tacaud above: the workshop filleted and froze it, and a charity
 * bought the bags at a solidarity contribution per kilo (invoiced at hand-over).
 */
export const DEMO_PROCESSED_DONATION = {
  fromProductName: "Tacaud entier",
  workshop: "maree-solidaire",
  productName: "Filets de tacaud surgelés — sachets de 1 kg",
  kilos: 12,
  contributionCentsPerUnit: 150,
  costPriceCents: 450,
  daysAfterSource: 6,
  lotNumber: "MS-2026-118",
  claim: { charity: "secours-populaire-dieppe", kilos: 8, temperatureC: -20 },
} as const;
