import { expect, test } from "vitest";
import { badgeAt, validityInstant, verificationUrl } from "~/domain/label/label-badge";
import { parseLabelNumber, publicStatusAt } from "~/domain/label/public-label";

const end = new Date("2027-12-06T23:00:00.000Z");
const justBefore = new Date(end.getTime() - 1);

test("a granted label is valid until the millisecond before its end, expired at its end", () => {
  expect(publicStatusAt("GRANTED", end, justBefore)).toBe("GRANTED");
  expect(publicStatusAt("GRANTED", end, end)).toBe("EXPIRED");
  expect(publicStatusAt("GRANTED", end, new Date(end.getTime() + 1))).toBe("EXPIRED");
});

test("a suspended label reads suspended, then expired at its end; a revoked one stays revoked", () => {
  expect(publicStatusAt("SUSPENDED", end, justBefore)).toBe("SUSPENDED");
  expect(publicStatusAt("SUSPENDED", end, end)).toBe("EXPIRED");
  expect(publicStatusAt("REVOKED", end, justBefore)).toBe("REVOKED");
  expect(publicStatusAt("REVOKED", end, new Date(end.getTime() + 86_400_000))).toBe("REVOKED");
});

test("a label never granted is not public; one granted once then back under review reads expired", () => {
  for (const stored of ["PENDING", "CHANGES_REQUESTED", "REFUSED"]) {
    expect(publicStatusAt(stored, null, justBefore)).toBeNull();
    expect(publicStatusAt(stored, end, justBefore)).toBe("EXPIRED");
  }
  expect(publicStatusAt("GRANTED", null, justBefore)).toBeNull();
});

test("the badge shows inside the validity only: from its first millisecond to the one before its end", () => {
  const validFrom = new Date("2026-12-06T23:00:00.000Z");
  const label = { number: "DM-2026-0007", validFrom, validUntil: end };
  expect(badgeAt(label, new Date(validFrom.getTime() - 1))).toBeNull();
  expect(badgeAt(label, validFrom)).toBe("DM-2026-0007");
  expect(badgeAt(label, justBefore)).toBe("DM-2026-0007");
  expect(badgeAt(label, end)).toBeNull();
  expect(badgeAt(null, justBefore)).toBeNull();
});

test("a number typed with spaces or in lower case is read; anything else is not a number", () => {
  expect(parseLabelNumber(" dm-2026-0042 ")).toBe("DM-2026-0042");
  expect(parseLabelNumber("DM-2026-42")).toBeNull();
  expect(parseLabelNumber("DM-2026-0042x")).toBeNull();
  expect(parseLabelNumber("../admin")).toBeNull();
  expect(parseLabelNumber("")).toBeNull();
});

test("the QR code leads to the verification page of the site's address", () => {
  expect(verificationUrl("https://terre-et-mer.example/", "DM-2026-0042")).toBe("https://terre-et-mer.example/label/DM-2026-0042");
});

test("a validity bound reads with its year and its Paris time", () => {
  const instant = new Date("2027-12-06T13:03:00.000Z");
  expect(validityInstant(instant, "fr")).toBe("6 décembre 2027 à 14:03");
  expect(validityInstant(instant, "en")).toBe("6 December 2027 at 14:03");
});
