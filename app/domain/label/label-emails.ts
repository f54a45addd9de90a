/**
 * The emails of the label's workflow, to each member of the producer, in their language: every
 * decision (changes asked, granted, refused, suspended, reinstated, revoked, renewed, renewal refused)
 * and the renewal reminder. Reasons are the reviewer's own words, shown as written.
 */
import { renderEmail } from "~/domain/mail/render-email";
import { formatParis, type Locale } from "~/domain/time/paris";

export type LabelEmailKind = "CHANGES_REQUESTED" | "GRANTED" | "REFUSED" | "SUSPENDED" | "REINSTATED" | "REVOKED" | "RENEWED" | "RENEWAL_REFUSED" | "REMINDER";

export type LabelEmailInput = {
  kind: LabelEmailKind;
  name: string;
  productName: string;
  number: string | null;
  validUntil: Date | null;
  reason: string | null;
  url: string;
};

const LABEL_NAME = "« Produit local Dieppe Maritime »";

function day(instant: Date | null, locale: Locale): string {
  return instant ? formatParis(instant, locale, locale === "fr" ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'at' HH:mm") : "";
}

function frenchText(input: LabelEmailInput): { subject: string; paragraphs: string[] } {
  const until = day(input.validUntil, "fr");
  const reason = input.reason ? [`Motif : ${input.reason}`] : [];
  switch (input.kind) {
    case "CHANGES_REQUESTED":
      return { subject: `Label : des compléments sont demandés pour ${input.productName}`, paragraphs: [`Le territoire demande des compléments à votre demande de label ${LABEL_NAME} pour ${input.productName}.`, `Message : ${input.reason ?? ""}`, "Complétez votre demande puis renvoyez-la depuis votre espace."] };
    case "GRANTED":
      return { subject: `Label accordé : ${input.productName} (${input.number})`, paragraphs: [`Le label ${LABEL_NAME} est accordé à ${input.productName}, sous le numéro ${input.number}.`, `Il est valable jusqu'au ${until}.`] };
    case "REFUSED":
      return { subject: `Label refusé : ${input.productName}`, paragraphs: [`Votre demande de label ${LABEL_NAME} pour ${input.productName} est refusée.`, ...reason, "Vous pouvez déposer une nouvelle demande avec d'autres justificatifs."] };
    case "SUSPENDED":
      return { subject: `Label suspendu : ${input.productName} (${input.number})`, paragraphs: [`Le label ${input.number} de ${input.productName} est suspendu : il ne s'affiche plus.`, ...reason] };
    case "REINSTATED":
      return { subject: `Label rétabli : ${input.productName} (${input.number})`, paragraphs: [`Le label ${input.number} de ${input.productName} est rétabli, valable jusqu'au ${until}.`] };
    case "REVOKED":
      return { subject: `Label retiré : ${input.productName} (${input.number})`, paragraphs: [`Le label ${input.number} de ${input.productName} est retiré définitivement.`, ...reason] };
    case "RENEWED":
      return { subject: `Label renouvelé : ${input.productName} (${input.number})`, paragraphs: [`Le label ${input.number} de ${input.productName} est renouvelé jusqu'au ${until}.`] };
    case "RENEWAL_REFUSED":
      return { subject: `Renouvellement refusé : ${input.productName} (${input.number})`, paragraphs: [`Le renouvellement du label ${input.number} de ${input.productName} est refusé ; il reste valable jusqu'au ${until}.`, ...reason] };
    case "REMINDER":
      return { subject: `Votre label ${input.number} expire le ${until}`, paragraphs: [`Le label ${input.number} de ${input.productName} expire le ${until}.`, "Demandez son renouvellement dès maintenant : il sera prolongé d'un an à partir de cette date."] };
  }
}

function englishText(input: LabelEmailInput): { subject: string; paragraphs: string[] } {
  const until = day(input.validUntil, "en");
  const reason = input.reason ? [`Reason: ${input.reason}`] : [];
  switch (input.kind) {
    case "CHANGES_REQUESTED":
      return { subject: `Label: more information asked for ${input.productName}`, paragraphs: [`The territory asks for more information on your application for the ${LABEL_NAME} label for ${input.productName}.`, `Message: ${input.reason ?? ""}`, "Complete your application and send it again from your space."] };
    case "GRANTED":
      return { subject: `Label granted: ${input.productName} (${input.number})`, paragraphs: [`The ${LABEL_NAME} label is granted to ${input.productName}, number ${input.number}.`, `It is valid until ${until}.`] };
    case "REFUSED":
      return { subject: `Label refused: ${input.productName}`, paragraphs: [`Your application for the ${LABEL_NAME} label for ${input.productName} is refused.`, ...reason, "You may apply again with other evidence."] };
    case "SUSPENDED":
      return { subject: `Label suspended: ${input.productName} (${input.number})`, paragraphs: [`Label ${input.number} of ${input.productName} is suspended: it no longer shows.`, ...reason] };
    case "REINSTATED":
      return { subject: `Label reinstated: ${input.productName} (${input.number})`, paragraphs: [`Label ${input.number} of ${input.productName} is reinstated, valid until ${until}.`] };
    case "REVOKED":
      return { subject: `Label revoked: ${input.productName} (${input.number})`, paragraphs: [`Label ${input.number} of ${input.productName} is revoked for good.`, ...reason] };
    case "RENEWED":
      return { subject: `Label renewed: ${input.productName} (${input.number})`, paragraphs: [`Label ${input.number} of ${input.productName} is renewed until ${until}.`] };
    case "RENEWAL_REFUSED":
      return { subject: `Renewal refused: ${input.productName} (${input.number})`, paragraphs: [`The renewal of label ${input.number} of ${input.productName} is refused; it stays valid until ${until}.`, ...reason] };
    case "REMINDER":
      return { subject: `Your label ${input.number} expires on ${until}`, paragraphs: [`Label ${input.number} of ${input.productName} expires on ${until}.`, "Apply for its renewal now: it will be extended by one year from that date."] };
  }
}

export function labelEmail(locale: Locale, input: LabelEmailInput) {
  const text = locale === "fr" ? frenchText(input) : englishText(input);
  return renderEmail({
    locale,
    subject: text.subject,
    greeting: locale === "fr" ? `Bonjour ${input.name},` : `Hello ${input.name},`,
    paragraphs: text.paragraphs,
    button: { label: locale === "fr" ? "Voir mes labels" : "See my labels", url: input.url },
  });
}
