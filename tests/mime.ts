/** A MIME reader, just enough for what nodemailer writes: for tests reading the emails they receive. */

// --- a MIME reader, just enough for what nodemailer writes ---------------------------------------

type Headers = Map<string, string>;

export function parseMessage(raw: string): { subject: string; from: string; text: string; html: string } {
  const { headers, body } = splitEntity(raw);
  const parts = flattenParts(headers, body);
  const partOf = (type: string) => parts.find((part) => (part.headers.get("content-type") ?? "").startsWith(type));
  const text = partOf("text/plain");
  const html = partOf("text/html");
  if (!text || !html) throw new Error(`parties text/plain et text/html attendues :\n${raw}`);
  return {
    subject: decodeEncodedWords(headers.get("subject") ?? ""),
    from: decodeEncodedWords(headers.get("from") ?? ""),
    text: decodeBody(text.headers, text.body),
    html: decodeBody(html.headers, html.body),
  };
}

function splitEntity(raw: string): { headers: Headers; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end + 4);
  const headers: Headers = new Map();
  for (const line of head.replace(/\r\n[ \t]/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function flattenParts(headers: Headers, body: string): Array<{ headers: Headers; body: string }> {
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!contentType.startsWith("multipart/") || !boundary) return [{ headers, body }];
  const sections = body.split(`--${boundary}`).slice(1, -1);
  return sections.flatMap((section) => {
    const part = splitEntity(section.replace(/^\r\n/, "").replace(/\r\n$/, ""));
    return flattenParts(part.headers, part.body);
  });
}

// Text travels with CRLF line ends (RFC 5322); read back with the LF the renderer wrote.
function decodeBody(headers: Headers, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const decoded =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  return decoded.replace(/\r\n/g, "\n");
}

function decodeQuotedPrintable(value: string): string {
  const unfolded = value.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let index = 0; index < unfolded.length; index += 1) {
    const hex = unfolded.slice(index + 1, index + 3);
    if (unfolded[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(unfolded.charCodeAt(index));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}
