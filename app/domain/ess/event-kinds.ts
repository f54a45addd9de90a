/** What an agenda event is (issue 12): the yearly ESS forum, a solidarity market, farm and boat visits, open days. */
export const EVENT_KINDS = ["ESS_FORUM", "SOLIDARITY_MARKET", "FARM_VISIT", "BOAT_VISIT", "OPEN_DAY", "OTHER"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}
