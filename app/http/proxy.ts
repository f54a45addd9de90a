/**
 * Express's `trust proxy` from the TRUST_PROXY setting. A number of hops must reach Express as a
 * number: the string "1" would be read as the IP address "1" and trust nothing, silently. "true"
 * (trust every hop) is refused: any client could then choose its own address for the rate limits.
 * Absent: forwarded headers are never trusted.
 */
export function parseTrustProxy(value: string | undefined): number | string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^(true|false|yes|no|on|off)$/i.test(text)) {
    throw new Error(
      `TRUST_PROXY=${text} n'est pas accepté : donnez le nombre de proxies devant l'application (TRUST_PROXY=1 pour un seul reverse proxy) ou leurs adresses (loopback, 10.0.0.0/8…). / ` +
        `TRUST_PROXY=${text} is not accepted: give the number of proxies in front of the app (TRUST_PROXY=1 for one reverse proxy) or their addresses (loopback, 10.0.0.0/8…).`,
    );
  }
  return text;
}

/** Does this request say it was forwarded by a proxy (X-Forwarded-For, or the standard Forwarded)? */
export function carriesForwardedHeaders(headers: { get(name: string): string | null }): boolean {
  return headers.get("x-forwarded-for") !== null || headers.get("forwarded") !== null;
}

/** Said once per process when a proxy forwards requests but TRUST_PROXY is not set. */
export const UNTRUSTED_PROXY_WARNING =
  "[web] des requêtes arrivent avec X-Forwarded-For ou Forwarded mais TRUST_PROXY n'est pas défini : " +
  "l'adresse de chaque visiteur est celle du proxy, et les limites (connexion, inscription…) comptent tout le monde ensemble. " +
  "Derrière un seul reverse proxy, démarrez avec TRUST_PROXY=1 (ou TRUST_PROXY=loopback s'il est sur la même machine). / " +
  "Requests carry X-Forwarded-For or Forwarded but TRUST_PROXY is not set: every visitor has the proxy's address and the rate limits count everyone together. " +
  "Behind one reverse proxy, start with TRUST_PROXY=1 (or TRUST_PROXY=loopback when it runs on the same machine).";
