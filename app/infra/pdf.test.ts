import { describe, expect, it } from "vitest";
import { renderPdf, toPdfText } from "~/infra/pdf.server";
import { pdfLines, pdfText } from "../../tests/pdf-text";

describe("PDF documents", () => {
  it("writes the title, the fields and the table a reader sees, accents and euro sign included", async () => {
    const bytes = await renderPdf({
      title: "Bordereau de don n° 42",
      subtitle: "Le Pourquoi-Pas → Secours populaire",
      blocks: [
        { kind: "fields", fields: [["Produit", "Sole commune — pêche côtière"], ["Température", "−18 °C"]] },
        { kind: "table", columns: [{ label: "Mois" }, { label: "Valeur", align: "right" }], rows: [["décembre", "1\u202f234,50\u00a0€"]], total: ["Total", "1\u202f234,50\u00a0€"] },
        { kind: "signatures", labels: ["Le donateur", "La structure"] },
      ],
      footer: "Terre & Mer",
    });
    expect(Buffer.from(bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    expect(text).toContain("Bordereau de don n° 42");
    expect(text).toContain("Le Pourquoi-Pas -> Secours populaire");
    expect(text).toContain("Sole commune — pêche côtière");
    expect(text).toContain("-18 °C");
    expect(pdfLines(bytes)).toContain("1\u00a0234,50\u00a0€");
    expect(text).toContain("Le donateur");
    expect(text).toContain("Terre & Mer — 1/1");
  });

  it("never writes a character the built-in font cannot draw", () => {
    expect(toPdfText("≤ −18 °C, 1\u202f000 €, ★")).toBe("<= -18 °C, 1\u00a0000 €, ?");
    expect(toPdfText("Œufs, cœur, déjà")).toBe("Œufs, cœur, déjà");
  });

  it("spreads a long table over several pages and numbers them", async () => {
    const rows = Array.from({ length: 120 }, (_, index) => [`Lot ${index + 1}`, `${index + 1} kg`]);
    const bytes = await renderPdf({ title: "Récapitulatif", blocks: [{ kind: "table", columns: [{ label: "Lot" }, { label: "Quantité" }], rows }], footer: "Terre & Mer" });
    const text = pdfText(bytes);
    expect(text).toContain("Lot 120");
    expect(text).toMatch(/Terre & Mer — 1\/[3-9]/);
  });
});
