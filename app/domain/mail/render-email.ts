export type EmailLocale = "fr" | "en";

export type EmailContent = {
  locale: EmailLocale;
  subject: string;
  greeting?: string;
  paragraphs: string[];
  table?: { rows: Array<[string, string]>; total?: [string, string] };
  button?: { label: string; url: string };
  footer?: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const BRAND = "Terre & Mer";

const BRAND_FOOTER: Record<EmailLocale, string> = {
  fr: "Terre & Mer — les circuits courts de Dieppe-Maritime",
  en: "Terre & Mer — short food circuits of Dieppe-Maritime",
};

// French typography puts a (non-breaking) space before a colon; English does not.
const COLON: Record<EmailLocale, string> = { fr: "\u00a0: ", en: ": " };

const COLORS = {
  brand: "#2f5d3a",
  text: "#1f2933",
  muted: "#52606d",
  border: "#d9e2ec",
  page: "#f4f1ea",
  card: "#ffffff",
};

const FONT = "Helvetica, Arial, sans-serif";

/**
 * One email in the house style: a plain-text part that reads well on its own and an HTML part
 * with inline styles only (mail clients drop <style> blocks), a single 600 px column that shrinks
 * on phones, and every interpolated value escaped — contents come from users (names, product
 * labels) and must never become markup.
 */
export function renderEmail(input: EmailContent): RenderedEmail {
  if (input.button) assertSafeUrl(input.button.url);
  const subject = singleLine(input.subject);
  return { subject, text: renderText(input), html: renderHtml({ ...input, subject }) };
}

function renderText(input: EmailContent): string {
  const blocks: string[] = [BRAND];
  if (input.greeting) blocks.push(input.greeting);
  blocks.push(...input.paragraphs);
  if (input.table) blocks.push(textTable(input.table));
  if (input.button) blocks.push(`${input.button.label}${COLON[input.locale]}${input.button.url}`);
  if (input.footer) blocks.push(input.footer);
  blocks.push(`-- \n${BRAND_FOOTER[input.locale]}`);
  return `${blocks.join("\n\n")}\n`;
}

function textTable(table: NonNullable<EmailContent["table"]>): string {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  const width = Math.max(...rows.map(([label]) => label.length));
  const line = ([label, value]: [string, string]) => `${label.padEnd(width)}  ${value}`;
  const lines = table.rows.map(line);
  if (table.total) {
    lines.push("-".repeat(Math.min(width + 12, 60)));
    lines.push(line(table.total));
  }
  return lines.join("\n");
}

function renderHtml(input: EmailContent): string {
  const parts: string[] = [];
  if (input.greeting) parts.push(paragraph(input.greeting));
  for (const text of input.paragraphs) parts.push(paragraph(text));
  if (input.table) parts.push(htmlTable(input.table));
  if (input.button) parts.push(htmlButton(input.button));
  if (input.footer) {
    parts.push(
      `<p style="margin:24px 0 0 0;font-size:14px;line-height:1.5;color:${COLORS.muted};">${escapeHtml(input.footer)}</p>`,
    );
  }

  return `<!DOCTYPE html>
<html lang="${input.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(input.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${COLORS.page};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${COLORS.page};">
<tr>
<td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:${COLORS.card};border-radius:8px;">
<tr>
<td style="padding:20px 24px;border-bottom:3px solid ${COLORS.brand};font-family:${FONT};font-size:22px;font-weight:bold;color:${COLORS.brand};">${escapeHtml(BRAND)}</td>
</tr>
<tr>
<td style="padding:24px;font-family:${FONT};font-size:16px;line-height:1.5;color:${COLORS.text};">
${parts.join("\n")}
</td>
</tr>
<tr>
<td style="padding:16px 24px;border-top:1px solid ${COLORS.border};font-family:${FONT};font-size:13px;line-height:1.5;color:${COLORS.muted};">${escapeHtml(BRAND_FOOTER[input.locale])}</td>
</tr>
</table>
</td>
</tr>
</table>
</body>
</html>
`;
}

function paragraph(text: string): string {
  const html = escapeHtml(text).replace(/\r?\n/g, "<br>");
  return `<p style="margin:0 0 16px 0;">${html}</p>`;
}

function htmlTable(table: NonNullable<EmailContent["table"]>): string {
  const cell = `padding:8px 0;border-bottom:1px solid ${COLORS.border};font-family:${FONT};font-size:15px;`;
  const row = ([label, value]: [string, string]) =>
    `<tr><th scope="row" align="left" style="${cell}font-weight:normal;text-align:left;">${escapeHtml(label)}</th>` +
    `<td align="right" style="${cell}padding-left:12px;text-align:right;white-space:nowrap;">${escapeHtml(value)}</td></tr>`;
  const total = table.total
    ? `<tfoot><tr><th scope="row" align="left" style="padding:12px 0 0 0;font-family:${FONT};font-size:16px;text-align:left;">${escapeHtml(table.total[0])}</th>` +
      `<td align="right" style="padding:12px 0 0 12px;font-family:${FONT};font-size:16px;font-weight:bold;text-align:right;white-space:nowrap;">${escapeHtml(table.total[1])}</td></tr></tfoot>`
    : "";
  return `<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:8px 0 24px 0;color:${COLORS.text};">
<tbody>${table.rows.map(row).join("")}</tbody>${total}
</table>`;
}

function htmlButton(button: NonNullable<EmailContent["button"]>): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;">
<tr><td style="border-radius:6px;background-color:${COLORS.brand};">
<a href="${escapeHtml(button.url)}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(button.label)}</a>
</td></tr>
</table>`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Escaping keeps a URL inside its attribute but cannot make `javascript:` harmless.
function assertSafeUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Lien d'e-mail invalide : ${url}`);
  }
  if (!["http:", "https:", "mailto:"].includes(parsed.protocol)) {
    throw new Error(`Lien d'e-mail refusé (protocole ${parsed.protocol}) : ${url}`);
  }
}

// A subject is a header: a line break inside it would be folded unpredictably by clients.
function singleLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
