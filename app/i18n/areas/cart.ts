/** Messages of one area of the site (see app/i18n/messages.ts), French first; en has the same keys. */
export const cartFr = {
  // The cart in the header, one entry per distribution (decision 024): "nav." reaches every page (app/i18n/group-contents.ts).
  "nav.cart.label": "Panier",
  "nav.cart.labelSeveral": "Paniers",
  "nav.cart.entry": "Panier · {count} · {total}",
  "nav.cart.for": "pour le {date} à {point}",
  "nav.cart.menu": "Menu",
  // A visitor's cart.
  "cartGuest.checkout.title": "Créer un compte ou se connecter pour commander",
  "cartGuest.checkout.kept": "Votre panier vous attend : il rejoint votre compte dès que vous êtes connecté.",
  "cartGuest.full": "Votre panier contient déjà {max} produits différents : commandez ou retirez-en avant d'en ajouter.",
  "nav.cartKept.one": "Votre panier a été conservé : 1 article.",
  "nav.cartKept.many": "Votre panier a été conservé : {count} articles.",
};

export const cartEn: Record<keyof typeof cartFr, string> = {
  "nav.cart.label": "Cart",
  "nav.cart.labelSeveral": "Carts",
  "nav.cart.entry": "Cart · {count} · {total}",
  "nav.cart.for": "for {date} at {point}",
  "nav.cart.menu": "Menu",
  "cartGuest.checkout.title": "Create an account or log in to order",
  "cartGuest.checkout.kept": "Your cart is waiting: it joins your account as soon as you are logged in.",
  "cartGuest.full": "Your cart already holds {max} different products: order or remove some before adding more.",
  "nav.cartKept.one": "Your cart was kept: 1 item.",
  "nav.cartKept.many": "Your cart was kept: {count} items.",
};
