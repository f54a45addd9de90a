import { renderEmail } from "~/domain/mail/render-email";
import type { IdentityChange } from "~/domain/organisations/identity-changes";
import { formatParis } from "~/domain/time/paris";
import { translate, type Locale } from "~/i18n/messages";

/** Who applies to the territory: a producer (to sell) or a charity (to receive donations). */
export type ApplicantKind = "PRODUCER" | "CHARITY";

/** To each territory admin: a producer or a charity (new, or corrected after a refusal) awaits verification. */
export function awaitingVerificationEmail(
  locale: Locale,
  input: { kind?: ApplicantKind; adminName: string; organisationName: string; communeName: string; resubmitted: boolean; reviewUrl: string },
) {
  if (input.kind === "CHARITY") {
    return locale === "fr"
      ? renderEmail({
          locale,
          subject: `Nouvelle association à vérifier : ${input.organisationName}`,
          greeting: `Bonjour ${input.adminName},`,
          paragraphs: [
            `${input.organisationName} (${input.communeName}) demande à recevoir des dons et attend votre vérification.`,
            "Tant qu'elle n'est pas vérifiée, elle ne voit ni ne réserve aucun lot. Contrôlez son numéro RNA ou SIRET.",
          ],
          button: { label: "Vérifier les associations", url: input.reviewUrl },
        })
      : renderEmail({
          locale,
          subject: `New charity to verify: ${input.organisationName}`,
          greeting: `Hello ${input.adminName},`,
          paragraphs: [
            `${input.organisationName} (${input.communeName}) applies to receive donations and awaits your verification.`,
            "Until it is verified, it neither sees nor claims any lot. Check its RNA or SIRET number.",
          ],
          button: { label: "Verify charities", url: input.reviewUrl },
        });
  }
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.resubmitted ? "Producteur corrigé" : "Nouveau producteur"} à vérifier : ${input.organisationName}`,
        greeting: `Bonjour ${input.adminName},`,
        paragraphs: [
          input.resubmitted
            ? `${input.organisationName} (${input.communeName}) a corrigé son profil après un refus et attend une nouvelle vérification.`
            : `${input.organisationName} (${input.communeName}) vient de s'inscrire comme producteur et attend votre vérification.`,
          "Tant qu'il n'est pas vérifié, il ne peut ni vendre ni apparaître publiquement.",
        ],
        button: { label: "Vérifier les producteurs", url: input.reviewUrl },
      })
    : renderEmail({
        locale,
        subject: `${input.resubmitted ? "Corrected producer" : "New producer"} to verify: ${input.organisationName}`,
        greeting: `Hello ${input.adminName},`,
        paragraphs: [
          input.resubmitted
            ? `${input.organisationName} (${input.communeName}) corrected its profile after a refusal and awaits a new verification.`
            : `${input.organisationName} (${input.communeName}) has just registered as a producer and awaits your verification.`,
          "Until it is verified, it can neither sell nor appear publicly.",
        ],
        button: { label: "Verify producers", url: input.reviewUrl },
      });
}

/** To each member of a verified organisation; a charity's members are sent to the charity space. */
export function organisationVerifiedEmail(locale: Locale, input: { kind?: ApplicantKind; name: string; organisationName: string; spaceUrl: string }) {
  if (input.kind === "CHARITY") {
    return locale === "fr"
      ? renderEmail({
          locale,
          subject: `${input.organisationName} est vérifiée sur Terre & Mer`,
          greeting: `Bonjour ${input.name},`,
          paragraphs: [
            `Le territoire a vérifié ${input.organisationName}. Vous pouvez désormais réserver les lots de dons des producteurs depuis votre espace association.`,
            "Vérifiez vos réglages (stockage, jours et heures de collecte) : vous n'êtes alerté que des lots qui leur correspondent.",
          ],
          button: { label: "Ouvrir mon espace association", url: input.spaceUrl },
        })
      : renderEmail({
          locale,
          subject: `${input.organisationName} is verified on Terre & Mer`,
          greeting: `Hello ${input.name},`,
          paragraphs: [
            `The territory has verified ${input.organisationName}. You can now claim the producers' donation lots from your charity space.`,
            "Check your settings (storage, collection days and hours): you are only alerted to the lots that match them.",
          ],
          button: { label: "Open my charity space", url: input.spaceUrl },
        });
  }
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.organisationName} est vérifié sur Terre & Mer`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [`Le territoire a vérifié ${input.organisationName}. Vous pouvez désormais vendre et vous apparaissez publiquement.`],
        button: { label: "Ouvrir mon espace producteur", url: input.spaceUrl },
      })
    : renderEmail({
        locale,
        subject: `${input.organisationName} is verified on Terre & Mer`,
        greeting: `Hello ${input.name},`,
        paragraphs: [`The territory has verified ${input.organisationName}. You can now sell, and you appear publicly.`],
        button: { label: "Open my producer space", url: input.spaceUrl },
      });
}

/** To each member of a refused organisation, with the territory's reason; a charity's members are sent to the charity space. */
export function organisationRefusedEmail(locale: Locale, input: { kind?: ApplicantKind; name: string; organisationName: string; reason: string; profileUrl: string }) {
  const charity = input.kind === "CHARITY";
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.organisationName} : vérification refusée`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `Le territoire n'a pas pu vérifier ${input.organisationName}, pour la raison suivante :`,
          input.reason,
          charity
            ? "Tant qu'elle n'est pas vérifiée, votre association ne peut pas réserver de lots. Votre espace association reste ouvert ; contactez le territoire pour corriger votre demande."
            : "Corrigez votre profil et enregistrez-le : il repartira en vérification.",
        ],
        button: { label: charity ? "Ouvrir mon espace association" : "Corriger mon profil", url: input.profileUrl },
      })
    : renderEmail({
        locale,
        subject: `${input.organisationName}: verification refused`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `The territory could not verify ${input.organisationName}, for this reason:`,
          input.reason,
          charity
            ? "Until it is verified, your charity cannot claim lots. Your charity space stays open; contact the territory to correct your application."
            : "Correct your profile and save it: it will go back for verification.",
        ],
        button: { label: charity ? "Open my charity space" : "Correct my profile", url: input.profileUrl },
      });
}

export function invitationEmail(locale: Locale, input: { inviterName: string; organisationName: string; link: string; expiresAt: Date }) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.inviterName} vous invite à rejoindre ${input.organisationName} sur Terre & Mer`,
        greeting: "Bonjour,",
        paragraphs: [
          `${input.inviterName} vous invite à rejoindre ${input.organisationName} comme producteur sur Terre & Mer.`,
          `Ce lien est valable jusqu'au ${formatParis(input.expiresAt, locale)} et ne sert qu'une fois. Si vous n'avez pas encore de compte, créez-le avec cette adresse e-mail puis revenez sur le lien.`,
        ],
        button: { label: "Rejoindre l'organisation", url: input.link },
      })
    : renderEmail({
        locale,
        subject: `${input.inviterName} invites you to join ${input.organisationName} on Terre & Mer`,
        greeting: "Hello,",
        paragraphs: [
          `${input.inviterName} invites you to join ${input.organisationName} as a producer on Terre & Mer.`,
          `This link is valid until ${formatParis(input.expiresAt, locale)} and works once. If you have no account yet, create one with this email address, then come back to the link.`,
        ],
        button: { label: "Join the organisation", url: input.link },
      });
}

/** One line per change: "Nom : « Ferme A » → « Ferme B »", in the words of the message catalogue. */
export function describeIdentityChanges(locale: Locale, changes: readonly IdentityChange[]): string[] {
  const none = translate(locale, "accountsEmail.field.none");
  return changes.map((change) =>
    translate(locale, "accountsEmail.review.change", {
      field: translate(locale, `accountsEmail.field.${change.field}`),
      before: change.before ?? none,
      after: change.after ?? none,
    }),
  );
}

/** To each territory admin: a verified organisation changed what identifies it, and awaits review again. */
export function identityChangedEmail(
  locale: Locale,
  input: { kind?: ApplicantKind; adminName: string; organisationName: string; changes: readonly IdentityChange[]; reviewUrl: string },
) {
  const changes = describeIdentityChanges(locale, input.changes).join("\n");
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `Identité modifiée, à revoir : ${input.organisationName}`,
        greeting: `Bonjour ${input.adminName},`,
        paragraphs: [
          `${input.organisationName}, déjà vérifié${input.kind === "CHARITY" ? "e" : ""}, a modifié ce qui l'identifie :`,
          changes,
          "Ses offres restent en vente jusqu'à votre décision ; un nouvel organisme certificateur bio ne s'applique à aucun produit avant elle. Vérifiez à nouveau, ou refusez avec une raison.",
        ],
        button: { label: "Revoir les organisations", url: input.reviewUrl },
      })
    : renderEmail({
        locale,
        subject: `Identity changed, to review: ${input.organisationName}`,
        greeting: `Hello ${input.adminName},`,
        paragraphs: [
          `${input.organisationName}, already verified, changed what identifies it:`,
          changes,
          "Its offers stay on sale until your decision; a new organic control body applies to no product before it. Verify again, or refuse with a reason.",
        ],
        button: { label: "Review organisations", url: input.reviewUrl },
      });
}
