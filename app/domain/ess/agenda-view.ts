import { formatParis, parisIsoDate, type Locale } from "~/domain/time/paris";
import { translate } from "~/i18n/messages";

/**
 * When an event takes place, in Paris time, as a visitor reads it: « samedi 28 mars, de 10:00 à
 * 12:00 » on one day, « Du vendredi 3 avril, 18:00 au dimanche 5 avril, 17:00 » over several. Pure.
 */
export function eventWhen(event: { startsAt: Date; endsAt: Date }, locale: Locale): string {
  if (parisIsoDate(event.startsAt) === parisIsoDate(event.endsAt)) {
    return translate(locale, "agenda.sameDay", {
      day: formatParis(event.startsAt, locale, "EEEE d MMMM yyyy"),
      start: formatParis(event.startsAt, locale, "HH:mm"),
      end: formatParis(event.endsAt, locale, "HH:mm"),
    });
  }
  return translate(locale, "agenda.severalDays", {
    start: formatParis(event.startsAt, locale, "EEEE d MMMM yyyy, HH:mm"),
    end: formatParis(event.endsAt, locale, "EEEE d MMMM yyyy, HH:mm"),
  });
}

/** The Paris day an event starts on (YYYY-MM-DD): the agenda groups its list by it. */
export function eventDay(event: { startsAt: Date }): string {
  return parisIsoDate(event.startsAt);
}

/** How to register, as one line (used in the feed's description). */
export function registrationLine(event: { registrationUrl: string | null; registrationText: string }, locale: Locale): string {
  const parts = [event.registrationText, event.registrationUrl ?? ""].filter((part) => part.trim() !== "");
  return parts.length > 0 ? `${translate(locale, "agenda.register")} : ${parts.join(" — ")}` : translate(locale, "agenda.registerFree");
}
