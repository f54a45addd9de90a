import { formatParis } from "~/domain/time/paris";

/** A stored event as its edit form shows it: Paris day and times, as typed. Pure. */
export function eventFormValues(event: {
  title: string; kind: string; description: string; startsAt: Date; endsAt: Date; placeName: string; address: string; communeInsee: string; lat: number; lon: number;
  registrationUrl: string | null; registrationText: string; organisationId?: string | null; essActorId?: string | null;
}) {
  const startDay = formatParis(event.startsAt, "fr", "yyyy-MM-dd");
  const endDay = formatParis(event.endsAt, "fr", "yyyy-MM-dd");
  return {
    title: event.title,
    kind: event.kind,
    description: event.description,
    startDay,
    startTime: formatParis(event.startsAt, "fr", "HH:mm"),
    endDay: endDay === startDay ? "" : endDay,
    endTime: formatParis(event.endsAt, "fr", "HH:mm"),
    placeName: event.placeName,
    address: event.address,
    communeInsee: event.communeInsee,
    lat: String(event.lat),
    lon: String(event.lon),
    registrationUrl: event.registrationUrl ?? "",
    registrationText: event.registrationText,
    holder: event.organisationId ? `org:${event.organisationId}` : event.essActorId ? `ess:${event.essActorId}` : "",
  };
}
