import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadDictionary } from "~/i18n/dictionary";

/*
 * Remix's default browser entry, once the page's dictionary has arrived (docs/decisions/025): the
 * server rendered the page with it, so hydration must read the very same words. The document
 * preloads it (app/root.tsx), so its fetch runs beside the scripts'. If it cannot be had, the
 * page stays as the server sent it: its links and forms work without JavaScript.
 */
const href = document.querySelector("link[data-messages]")?.getAttribute("href");

(href ? loadDictionary(href) : Promise.reject(new Error("aucun lien data-messages dans la page"))).then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("[i18n] messages indisponibles : la page reste telle que le serveur l'a envoyée.", error),
);
