import type { DonorLotState } from "~/domain/donations/unsold-stock";
import { useT } from "~/i18n/use-t";

/** Badges of the donor's pages: a lot's state and a claim's status, in words (never colour alone). */

const stateColours: Record<DonorLotState, string> = {
  open: "bg-earth-50 text-earth-700 border-earth-600",
  all_claimed: "bg-sea-50 text-sea-900 border-sea-700",
  expired: "bg-slate-100 text-slate-800 border-slate-500",
  withdrawn: "bg-slate-100 text-slate-800 border-slate-500",
};

export function LotStateBadge({ state }: { state: DonorLotState }) {
  const t = useT();
  return <span className={`inline-block rounded-full border px-3 py-1 text-sm font-semibold ${stateColours[state]}`}>{t(`donor.state.${state}`)}</span>;
}

export type ClaimStatus = "RESERVED" | "COLLECTED" | "MISSED" | "CANCELLED";

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const t = useT();
  const colours = status === "COLLECTED" ? "border-earth-600 text-earth-700" : status === "RESERVED" ? "border-sea-700 text-sea-900" : "border-slate-500 text-slate-800";
  return <span className={`inline-block rounded-full border px-3 py-1 text-sm font-semibold ${colours}`}>{t(`donor.claim.${status}`)}</span>;
}
