import type { MessageKey } from "~/i18n/messages";

/**
 * Reading a CSV file as a producer's spreadsheet saves it (RFC 4180): cells quoted with `"` when
 * they hold a separator, a quote or a line break; `""` for a quote inside; `;` (French Excel),
 * `,` or a tab as separator, recognised on the header line; CRLF or LF; UTF-8 with or without
 * its BOM. Pure: bytes in, rows or one clear reason out.
 */

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 60;

export type CsvProblem = { message: MessageKey; params?: Record<string, string | number> };

/** One row of data. `line` is the row number a spreadsheet shows (the header is row 1). */
export type CsvRecord = { line: number; cells: string[] };

export type CsvTable = { separator: Separator; header: string[]; records: CsvRecord[] };

export type Separator = ";" | "," | "\t";

export type Result<T> = { ok: true; value: T } | { ok: false; problem: CsvProblem };

/** The bytes of an uploaded file as text, or why they are not a UTF-8 text file. */
export function decodeCsv(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): Result<string> {
  if (bytes.byteLength > maxBytes) return problem("import.file.too_large", { megabytes: Math.round(maxBytes / (1024 * 1024)) });
  if (bytes.byteLength === 0) return problem("import.file.empty");
  // Excel's "Unicode text" is UTF-16: say which format to choose instead of showing garbage.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return problem("import.file.utf16");
  if (bytes.includes(0)) return problem("import.file.binary");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return problem("import.file.not_utf8");
  }
  // Control characters other than tab and line breaks do not occur in a spreadsheet's text.
  if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return problem("import.file.binary");
  return { ok: true, value: text };
}

/** The separator used on the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectSeparator(text: string): Separator | null {
  const counts: Record<Separator, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && (char === ";" || char === "," || char === "\t")) counts[char] += 1;
  }
  const best = (Object.keys(counts) as Separator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : null;
}

/**
 * The table of a CSV text: its header and its non-empty rows. Rows that are empty (or only
 * separators, as spreadsheets leave them) are skipped but still counted in line numbers.
 */
export function parseCsv(text: string, options: { maxRows?: number } = {}): Result<CsvTable> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return problem("import.file.empty");
  const separator = detectSeparator(body);
  if (!separator) return problem("import.file.no_separator");

  const records: CsvRecord[] = [];
  let header: string[] | null = null;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let cellWasQuoted = false;
  let line = 1;

  const endRecord = (): CsvProblem | null => {
    cells.push(cell);
    cell = "";
    cellWasQuoted = false;
    // The guard our own export put before a formula-like text is taken off: export → import changes nothing.
    const row = cells.map(unguardCell);
    cells = [];
    const lineOfRow = line;
    line += 1;
    if (header === null) {
      header = row.map((name) => name.trim());
      if (header.length > MAX_COLUMNS) return { message: "import.file.too_many_columns", params: { max: MAX_COLUMNS } };
      return null;
    }
    if (row.every((value) => value.trim() === "")) return null;
    if (records.length >= maxRows) return { message: "import.file.too_many_rows", params: { max: maxRows } };
    records.push({ line: lineOfRow, cells: row });
    return null;
  };

  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted) {
      if (char === '"') {
        if (body[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else {
          quoted = false;
        }
      } else {
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === "" && !cellWasQuoted) {
      quoted = true;
      cellWasQuoted = true;
    } else if (char === separator) {
      cells.push(cell);
      cell = "";
      cellWasQuoted = false;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && body[index + 1] === "\n") index += 1;
      const failure = endRecord();
      if (failure) return { ok: false, problem: failure };
    } else {
      // A quote inside an unquoted cell is kept as typed, as spreadsheets do.
      cell += char;
    }
  }
  if (quoted) return problem("import.file.unclosed_quote", { line });
  if (cell !== "" || cells.length > 0 || cellWasQuoted) {
    const failure = endRecord();
    if (failure) return { ok: false, problem: failure };
  }
  if (header === null) return problem("import.file.empty");
  return { ok: true, value: { separator, header, records } };
}

// A cell a spreadsheet would run as a formula: =, +, -, @, or a tab or CR ahead of one (OWASP
// "CSV injection"). A plain number — "-3,20", "12", "-0.5" — is left alone so that it stays a
// number and the sheet's totals add it up.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * The one guard of every CSV the application writes (catalogue export, preparation lists, sales
 * and donation summaries, impact): a text that would start a formula gets a leading `'`, which
 * Excel and LibreOffice show as text and never run. A cell already starting with `'` before such
 * a character gets one more, so that {@link unguardCell} gives back exactly what was written.
 */
export function guardCell(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  return FORMULA_START.test(value.replace(/^'+/, "")) ? `'${value}` : value;
}

/** What a CSV cell said before {@link guardCell}: the import reads back what the export wrote. */
export function unguardCell(value: string): string {
  return /^'+/.test(value) && FORMULA_START.test(value.replace(/^'+/, "")) ? value.slice(1) : value;
}

/** One cell for a CSV line: defused, then quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvCell(raw: string, separator: Separator = ";"): string {
  const value = guardCell(raw);
  if (value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim()) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/**
 * A whole CSV file as French Excel opens it directly: UTF-8 with its BOM, `;`, CRLF.
 */
export function toCsv(rows: readonly (readonly string[])[], separator: Separator = ";"): string {
  return "\uFEFF" + rows.map((row) => row.map((value) => csvCell(value, separator)).join(separator)).join("\r\n") + "\r\n";
}

function problem<T>(message: MessageKey, params?: Record<string, string | number>): Result<T> {
  return { ok: false, problem: params ? { message, params } : { message } };
}
