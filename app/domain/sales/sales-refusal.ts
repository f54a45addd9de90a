import { DomainError, type DomainErrorCode, type DomainErrorDetails } from "~/domain/errors";
import type { MessageKey } from "~/i18n/messages";

/**
 * A refusal of the sales context: one of the shared domain error codes (so its HTTP status and
 * API `error` stay the documented ones) with a message that says exactly why, in the producer's
 * words ("the cutoff has passed: the composition can no longer change"). Pages and the producer
 * API show `messageKey` (app/http/producer-api-errors.server.ts); anything else treats it as
 * the DomainError it is.
 */
export class SalesRefusal extends DomainError {
  readonly messageKey: MessageKey;

  constructor(code: DomainErrorCode, messageKey: MessageKey, details: DomainErrorDetails = {}) {
    super(code, details);
    this.name = "SalesRefusal";
    this.messageKey = messageKey;
  }
}

export function isSalesRefusal(error: unknown): error is SalesRefusal {
  return error instanceof SalesRefusal;
}
