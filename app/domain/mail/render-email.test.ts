import { expect, test } from "vitest";
import { renderEmail } from "./render-email";

test("every interpolated value is escaped in the HTML part", () => {
  const attack = `<script>alert("x")</script> & 'quotes'`;
  const email = renderEmail({
    locale: "fr",
    subject: `Commande ${attack}`,
    greeting: `Bonjour ${attack},`,
    paragraphs: [`Paragraphe ${attack}`],
    table: { rows: [[`Produit ${attack}`, `Valeur ${attack}`]], total: [`Total ${attack}`, "12,00 €"] },
    button: { label: `Voir ${attack}`, url: `https://terre-et-mer.test/commandes/1?a="><img src=x onerror=alert(1)>` },
    footer: `Pied ${attack}`,
  });

  expect(email.html).not.toContain("<script>");
  expect(email.html).not.toContain("<img");
  expect(email.html).not.toContain("onerror=alert(1)>");
  expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
  // Eight places carry it: title, greeting, paragraph, row label, row value, total label, button, footer.
  expect(email.html.match(/&lt;script&gt;/g)).toHaveLength(8);
  expect(email.html).toContain('href="https://terre-et-mer.test/commandes/1?a=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
});

test("a link that is not http(s) or mailto is refused rather than escaped", () => {
  expect(() =>
    renderEmail({ locale: "en", subject: "Hi", paragraphs: [], button: { label: "Click", url: "javascript:alert(1)" } }),
  ).toThrow(/javascript:/);
});

test("the text and HTML parts both carry every piece of content", () => {
  const email = renderEmail({
    locale: "fr",
    subject: "Votre commande n° 42 est confirmée",
    greeting: "Bonjour Camille,",
    paragraphs: ["Votre commande est prête pour le retrait.", "Merci de venir avec un sac."],
    table: {
      rows: [
        ["Pommes (1 kg)", "3,20 €"],
        ["Cidre brut", "6,50 €"],
      ],
      total: ["Total", "9,70 €"],
    },
    button: { label: "Voir ma commande", url: "https://terre-et-mer.test/commandes/42" },
    footer: "Retrait à la ferme du Bout du Monde.",
  });

  expect(email.subject).toBe("Votre commande n° 42 est confirmée");
  for (const content of [
    "Terre & Mer",
    "Bonjour Camille,",
    "Votre commande est prête pour le retrait.",
    "Merci de venir avec un sac.",
    "Pommes (1 kg)",
    "3,20 €",
    "Cidre brut",
    "9,70 €",
    "Voir ma commande",
    "https://terre-et-mer.test/commandes/42",
    "Retrait à la ferme du Bout du Monde.",
    "Terre & Mer — les circuits courts de Dieppe-Maritime",
  ]) {
    expect(email.text).toContain(content);
    expect(email.html).toContain(content.replace(/&/g, "&amp;"));
  }
  expect(email.text).toMatch(/Pommes \(1 kg\)\s+3,20 €/);
  expect(email.text).toMatch(/Total\s+9,70 €/);
  expect(email.text).toContain("Voir ma commande\u00a0: https://terre-et-mer.test/commandes/42");
  expect(email.text).not.toMatch(/<[a-z]/i);
  expect(email.html).toContain("<title>Votre commande n° 42 est confirmée</title>");
  expect(email.html).toContain('<th scope="row"');
});

test("the language attribute and the footer follow the recipient's locale", () => {
  const fr = renderEmail({ locale: "fr", subject: "Bonjour", paragraphs: ["Texte"] });
  const en = renderEmail({ locale: "en", subject: "Hello", paragraphs: ["Text"] });

  expect(fr.html).toContain('<html lang="fr"');
  expect(fr.text).toContain("Terre & Mer — les circuits courts de Dieppe-Maritime");
  expect(fr.html).not.toContain("short food circuits");
  expect(en.html).toContain('<html lang="en"');
  expect(en.text).toContain("Terre & Mer — short food circuits of Dieppe-Maritime");
  expect(en.html).toContain("Terre &amp; Mer — short food circuits of Dieppe-Maritime");
  expect(en.text).not.toContain("circuits courts");
});

test("a subject never spans several lines and optional blocks are left out", () => {
  const email = renderEmail({ locale: "en", subject: "Your order\r\nBcc: someone@example.test", paragraphs: ["Only this."] });

  expect(email.subject).toBe("Your order Bcc: someone@example.test");
  expect(email.html).not.toContain("<table width");
  expect(email.html).not.toContain("<a ");
  expect(email.text).toBe("Terre & Mer\n\nOnly this.\n\n-- \nTerre & Mer — short food circuits of Dieppe-Maritime\n");
});
