import { renderEmail } from "~/domain/mail/render-email";
import type { Locale } from "~/i18n/messages";

export function welcomeEmail(locale: Locale, name: string, appUrl: string) {
  return locale === "fr"
    ? renderEmail({
        locale,
        subject: "Bienvenue sur Terre & Mer",
        greeting: `Bonjour ${name},`,
        paragraphs: [
          "Votre compte est créé. Vous pouvez commander les paniers et produits des fermes et pêcheurs de Dieppe-Maritime, et les retirer au point de retrait de votre choix.",
        ],
        button: { label: "Voir les prochaines distributions", url: appUrl },
      })
    : renderEmail({
        locale,
        subject: "Welcome to Terre & Mer",
        greeting: `Hello ${name},`,
        paragraphs: [
          "Your account is ready. You can order baskets and products from the farms and fishers of Dieppe-Maritime and collect them at the pickup point of your choice.",
        ],
        button: { label: "See the next distributions", url: appUrl },
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
