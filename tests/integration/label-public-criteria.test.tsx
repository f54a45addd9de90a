import { expect, test, vi } from "vitest";
import { LABEL_CRITERIA } from "~/domain/label/label-criteria";
import LabelCriteriaPage, { loader } from "~/routes/label._index";
import { renderPage, unlabelledFields } from "../render-page";
import { get } from "../route-requests";

// Other numbers than the house's, in the one configuration: the published page must say these.
vi.mock("~/config/label-criteria.json", () => ({
  default: {
    maxDistanceKm: 35,
    minLocalSharePercent: 60,
    notCountedInLocalShare: ["WATER", "SALT"],
    faoAreas: ["27.7.d"],
    ports: [
      { code: "DIEPPE", name: "Dieppe", lat: 49.927, lon: 1.086 },
      { code: "LE_TREPORT", name: "Le Tréport", lat: 50.0605, lon: 1.3735 },
    ],
    validityYears: 2,
    reminderDaysBeforeExpiry: 45,
  },
}));

const pages = [{ path: "/label", loader, Component: LabelCriteriaPage }];

test("the published criteria are the configuration the checks read: change a number there and the page says it", async () => {
  expect(LABEL_CRITERIA.maxDistanceKm).toBe(35);
  const { html, status } = await renderPage(pages, "fr", "", "/label");
  expect(status).toBe(200);
  expect(html).toContain("<h1");
  expect(html).toContain("Le label « Produit local Dieppe Maritime »");
  expect(html).toContain("cultivés ou élevés à 35\u00a0km au plus du territoire");
  expect(html).toContain("Débarqués dans un port à 35\u00a0km au plus du territoire (Dieppe et Le Tréport)");
  expect(html).toContain("(FAO 27.7.d)");
  expect(html).not.toContain("27.4.c");
  expect(html).toContain("au moins 60\u00a0% de matières premières locales en poids");
  expect(html).toContain("dure 24\u00a0mois ; le producteur reçoit un rappel 45\u00a0jours avant la fin");
  expect(html).not.toMatch(/\b40\u00a0km\b|\b50\u00a0%/);
  // How to apply, and the check form with its labelled field.
  expect(html).toContain('href="/producteur/label"');
  expect(html).toContain('<label for="field-numero"');
  expect(unlabelledFields(html)).toEqual([]);

  const en = await renderPage(pages, "en", "", "/label");
  expect(en.html).toContain("grown or raised at most 35\u00a0km from the territory");
  expect(en.html).toContain("at least 60\u00a0% of local raw materials by weight");
});

test("the check form leads to the number's verification, read as typed; a number that is not one is refused on the page", async () => {
  const response = await loader({ request: get("/label?numero=%20dm-2026-0042%20"), params: {}, context: {} }).catch((thrown: unknown) => thrown);
  if (!(response instanceof Response)) throw new Error("expected a redirection");
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/label/DM-2026-0042");

  const refused = await renderPage(pages, "fr", "", "/label?numero=2026-42");
  expect(refused.status).toBe(400);
  expect(refused.html).toContain("Un numéro de label s&#x27;écrit DM, l&#x27;année et 4 chiffres");
  expect(refused.html).toContain('aria-invalid="true"');
  expect(refused.html).toContain('value="2026-42"');
});
