import { data } from "@remix-run/node";
import type { CurrentUser } from "~/domain/accounts/session.server";
import { isDomainError } from "~/domain/errors";
import { formatEuros } from "~/domain/money";
import { refundLine, refundLineSchema } from "~/domain/payments/refund-line.server";
import { now } from "~/http/clock.server";
import { domainErrorMessage, domainErrorStatus } from "~/http/errors.server";
import { readForm } from "~/http/form.server";
import { localeOf } from "~/http/locale.server";
import { isMessageKey, translate } from "~/i18n/messages";
import type { RefundActionResult } from "~/ui/refund-order-panel";

/**
 * The refund form's action, for the producer's page and the admin's: zod, then refundLine, which
 * checks who may refund what. A refusal names the line and the field, and changes nothing.
 */
export async function refundLineAction(request: Request, user: Pick<CurrentUser, "id" | "roles" | "memberships" | "locale">) {
  const locale = localeOf(request, user.locale);
  const raw = await readForm(request);
  const parsed = refundLineSchema.safeParse(raw);
  const lineId = typeof raw.orderLineId === "string" ? raw.orderLineId : null;
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), isMessageKey(issue.message) ? translate(locale, issue.message) : translate(locale, "error.invalid")]));
    return data<RefundActionResult>({ ok: false, message: Object.values(fieldErrors)[0] ?? translate(locale, "error.invalid"), lineId, fieldErrors }, { status: 400 });
  }
  try {
    const refund = await refundLine({ ...parsed.data, actor: user, now: now() });
    return data<RefundActionResult>({ ok: true, message: translate(locale, "cardRefunds.page.done", { amount: formatEuros(refund.amountCents, locale), number: refund.number }) });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const message = domainErrorMessage(error, locale);
    return data<RefundActionResult>({ ok: false, message, lineId, fieldErrors: error.details.field ? { [error.details.field]: message } : {} }, { status: domainErrorStatus(error.code) });
  }
}
