/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const accountsSecurityFr = {
  "accountsSecurity.login.throttled":
    "Trop de tentatives de connexion. Réessayez dans {minutes} minutes, ou choisissez « Mot de passe oublié ? ». Sur un appareil où vous vous êtes déjà connecté, votre mot de passe fonctionne toujours.",
};

export const accountsSecurityEn: Record<keyof typeof accountsSecurityFr, string> = {
  "accountsSecurity.login.throttled":
    "Too many login attempts. Try again in {minutes} minutes, or choose “Forgot your password?”. On a device where you logged in before, your password still works.",
};
