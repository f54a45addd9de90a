import { renderEmail } from "~/domain/mail/render-email";
import type { Locale } from "~/i18n/messages";

/** At sign-up: welcome, and the link that confirms the address (valid `days` days, once). */
export function welcomeEmail(locale: Locale, name: string, verificationLink: string, days: number) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: "Bienvenue sur Terre & Mer",
        greeting: `Bonjour ${name},`,
        paragraphs: [
          "Votre compte est créé. Vous pouvez commander les paniers et produits des fermes et pêcheurs de Dieppe-Maritime, et les retirer au point de retrait de votre choix.",
          `Confirmez votre adresse e-mail avec le bouton ci-dessous : c'est nécessaire avant une première commande payée au retrait. Ce lien est valable ${days} jours et ne sert qu'une fois.`,
        ],
        button: { label: "Confirmer mon adresse e-mail", url: verificationLink },
      })
    : renderEmail({
        locale,
        subject: "Welcome to Terre & Mer",
        greeting: `Hello ${name},`,
        paragraphs: [
          "Your account is ready. You can order baskets and products from the farms and fishers of Dieppe-Maritime and collect them at the pickup point of your choice.",
          `Confirm your email address with the button below: it is needed before a first order paid at pickup. This link is valid for ${days} days and works once.`,
        ],
        button: { label: "Confirm my email address", url: verificationLink },
      });
}

/** A new link to confirm the address, asked for from the site. */
export function verificationEmail(locale: Locale, name: string, verificationLink: string, days: number) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: "Confirmez votre adresse e-mail Terre & Mer",
        greeting: `Bonjour ${name},`,
        paragraphs: [
          `Confirmez votre adresse e-mail avec le bouton ci-dessous. Ce lien est valable ${days} jours et ne sert qu'une fois.`,
          "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
        ],
        button: { label: "Confirmer mon adresse e-mail", url: verificationLink },
      })
    : renderEmail({
        locale,
        subject: "Confirm your Terre & Mer email address",
        greeting: `Hello ${name},`,
        paragraphs: [
          `Confirm your email address with the button below. This link is valid for ${days} days and works once.`,
          "If you did not ask for this, ignore this message.",
        ],
        button: { label: "Confirm my email address", url: verificationLink },
      });
}

export function passwordResetEmail(locale: Locale, name: string, link: string) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: "Réinitialiser votre mot de passe Terre & Mer",
        greeting: `Bonjour ${name},`,
        paragraphs: [
          "Vous avez demandé à changer votre mot de passe. Ce lien est valable une heure et ne sert qu'une fois.",
          "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
        ],
        button: { label: "Choisir un nouveau mot de passe", url: link },
      })
    : renderEmail({
        locale,
        subject: "Reset your Terre & Mer password",
        greeting: `Hello ${name},`,
        paragraphs: [
          "You asked to change your password. This link is valid for one hour and works once.",
          "If you did not ask for this, ignore this message: your password stays the same.",
        ],
        button: { label: "Choose a new password", url: link },
      });
}
