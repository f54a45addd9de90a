import { can, type Principal } from "~/domain/accounts/permissions";

/**
 * Who reads a donation's documents — slips, contribution invoices, traces: the members of the
 * organisations that are party to it, and the territory's admins, who read them all.
 */
export type DocumentReader = { organisationIds: readonly string[]; isAdmin: boolean };

export function documentReader(user: Principal & { organisationIds: readonly string[] }): DocumentReader {
  return { organisationIds: user.organisationIds, isAdmin: can(user, "verify:organisation:any") };
}
