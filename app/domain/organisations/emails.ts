import { renderEmail } from "~/domain/mail/render-email";
import { formatParis } from "~/domain/time/paris";
import type { Locale } from "~/i18n/messages";

/** To each territory admin: a producer (new, or corrected after a refusal) awaits verification. */
export function awaitingVerificationEmail(locale: Locale, input: { adminName: string; organisationName: string; communeName: string; resubmitted: boolean; reviewUrl: string }) {
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

export function organisationVerifiedEmail(locale: Locale, input: { name: string; organisationName: string; spaceUrl: string }) {
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

export function organisationRefusedEmail(locale: Locale, input: { name: string; organisationName: string; reason: string; profileUrl: string }) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: `${input.organisationName} : vérification refusée`,
        greeting: `Bonjour ${input.name},`,
        paragraphs: [
          `Le territoire n'a pas pu vérifier ${input.organisationName}, pour la raison suivante :`,
          input.reason,
          "Corrigez votre profil et enregistrez-le : il repartira en vérification.",
        ],
        button: { label: "Corriger mon profil", url: input.profileUrl },
      })
    : renderEmail({
        locale,
        subject: `${input.organisationName}: verification refused`,
        greeting: `Hello ${input.name},`,
        paragraphs: [
          `The territory could not verify ${input.organisationName}, for this reason:`,
          input.reason,
          "Correct your profile and save it: it will go back for verification.",
        ],
        button: { label: "Correct my profile", url: input.profileUrl },
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
