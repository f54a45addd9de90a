import { useT } from "~/i18n/use-t";

/**
 * The badge « Produit local Dieppe Maritime » with its number, a link to its verification
 * (/label/:numero). Shown only when the loader found the label valid at the instant of the request
 * (badgeAt): the component decides nothing. The link is 44 px high for a thumb; the pill inside stays small.
 */
export function LabelBadge({ number, size = "small" }: { number: string; size?: "small" | "large" }) {
  const t = useT();
  return (
    <a
      href={`/label/${number}`}
      className="group inline-flex min-h-11 max-w-full items-center rounded-lg"
      aria-label={t("labelPublic.badgeLink", { number })}
      data-testid="label-badge"
    >
      <span className={`inline-flex max-w-full flex-wrap items-center gap-x-1.5 rounded-full border border-earth-700 bg-earth-50 px-2 py-0.5 text-earth-700 group-hover:underline ${size === "large" ? "text-sm" : "text-xs"}`}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-current"><path d="M17 3C9 3 4 7 4 13c0 1.3.3 2.5.8 3.5L3 18.3l1 1 1.9-1.9c1 .4 2 .6 3.1.6 6 0 8-6 8-15zM8 15c1-4 3-6.5 6.5-8.5C11.5 9 10 11.5 8 15z" /></svg>
        <span className="font-bold">{t("labelPublic.name")}</span>
        <span>{t("labelPublic.badgeNumber", { number })}</span>
      </span>
    </a>
  );
}
