import { expect, test } from "vitest";
import { csvCell, decodeCsv, detectSeparator, parseCsv, toCsv } from "~/domain/catalog/import/csv";

const utf8 = (text: string) => new TextEncoder().encode(text);

function table(text: string, maxRows?: number) {
  const result = parseCsv(text, { maxRows });
  if (!result.ok) throw new Error(`unexpected problem ${result.problem.message}`);
  return result.value;
}

test("a French Excel file: semicolons, CRLF, a BOM, decimal commas", () => {
  const decoded = decodeCsv(utf8("\uFEFFreference;nom;prix_ttc\r\nCAR-1;Carottes;3,20\r\nPOI-2;Poireaux;2,50\r\n"));
  expect(decoded.ok).toBe(true);
  const parsed = table(decoded.ok ? decoded.value : "");
  expect(parsed.separator).toBe(";");
  expect(parsed.header).toEqual(["reference", "nom", "prix_ttc"]);
  expect(parsed.records).toEqual([
    { line: 2, cells: ["CAR-1", "Carottes", "3,20"] },
    { line: 3, cells: ["POI-2", "Poireaux", "2,50"] },
  ]);
});

test("commas as separator, LF line ends, no final line break", () => {
  const parsed = table("reference,nom,prix_ttc\nCAR-1,Carottes,3.20");
  expect(parsed.separator).toBe(",");
  expect(parsed.records).toEqual([{ line: 2, cells: ["CAR-1", "Carottes", "3.20"] }]);
});

test("the separator is the one of the header line, even when rows hold the other one", () => {
  expect(detectSeparator("a;b;c\n1,5;2,5;3,5")).toBe(";");
  expect(detectSeparator('"a;b",c,d\n1;2;3')).toBe(",");
  expect(detectSeparator("a\tb\tc\n")).toBe("\t");
  expect(detectSeparator("une seule colonne\n1")).toBeNull();
});

test("quoted cells keep separators, doubled quotes and line breaks (RFC 4180)", () => {
  const parsed = table('reference;description;nom\r\nA;"Beurre; demi-sel";"Le ""vrai"" beurre"\r\nB;"Ligne 1\r\nLigne 2";Crème\r\nC;"";vide\r\n');
  expect(parsed.records).toEqual([
    { line: 2, cells: ["A", "Beurre; demi-sel", 'Le "vrai" beurre'] },
    { line: 3, cells: ["B", "Ligne 1\r\nLigne 2", "Crème"] },
    { line: 4, cells: ["C", "", "vide"] },
  ]);
});

test("line numbers are the spreadsheet's rows: empty rows are skipped but counted, trailing ones ignored", () => {
  const parsed = table("reference;nom\n\nA;Ail\n;\n\"x\ny\";Oignon\nB;Blette\n\n\n;;\n");
  expect(parsed.records.map((record) => [record.line, record.cells[0]])).toEqual([
    [3, "A"],
    [5, "x\ny"],
    [6, "B"],
  ]);
});

test("a quote inside an unquoted cell is kept as typed", () => {
  expect(table('reference;nom\nA;Pomme 5" géante\n').records[0]?.cells).toEqual(["A", 'Pomme 5" géante']);
});

test("a quote never closed is refused with its line", () => {
  const result = parseCsv('reference;nom\nA;Ail\nB;"Blette\nC;Chou\n');
  expect(result).toEqual({ ok: false, problem: { message: "import.file.unclosed_quote", params: { line: 3 } } });
});

test("empty files and text without columns are refused with their reason", () => {
  expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, problem: { message: "import.file.empty" } });
  expect(parseCsv("\uFEFF\r\n\r\n")).toEqual({ ok: false, problem: { message: "import.file.empty" } });
  expect(parseCsv("Bonjour, voici mon catalogue")).toMatchObject({ ok: true });
  expect(parseCsv("Bonjour voici mon catalogue\nmerci")).toEqual({ ok: false, problem: { message: "import.file.no_separator" } });
});

test("binary content, UTF-16 and Latin-1 files are refused, each with the way to fix it", () => {
  expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({ ok: false, problem: { message: "import.file.binary" } });
  expect(decodeCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ ok: false, problem: { message: "import.file.not_utf8" } });
  expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x72, 0x00, 0x65, 0x00]))).toEqual({ ok: false, problem: { message: "import.file.utf16" } });
  // "Crème" as Windows-1252 (what an old Excel writes): é = 0xe8 alone is not UTF-8.
  expect(decodeCsv(new Uint8Array([0x43, 0x72, 0xe8, 0x6d, 0x65, 0x3b, 0x31]))).toEqual({ ok: false, problem: { message: "import.file.not_utf8" } });
  expect(decodeCsv(utf8("a;b\u0007;c"))).toEqual({ ok: false, problem: { message: "import.file.binary" } });
});

test("a file over the size limit is refused before being read", () => {
  expect(decodeCsv(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41))).toEqual({ ok: false, problem: { message: "import.file.too_large", params: { megabytes: 2 } } });
  expect(decodeCsv(new Uint8Array(11).fill(0x41), 10)).toMatchObject({ ok: false, problem: { message: "import.file.too_large" } });
});

test("more rows than allowed are refused with the limit; empty rows do not count", () => {
  const rows = Array.from({ length: 5 }, (_, index) => `R${index};Produit`).join("\n");
  expect(parseCsv(`reference;nom\n${rows}\n\n\n`, { maxRows: 5 })).toMatchObject({ ok: true });
  expect(parseCsv(`reference;nom\n${rows}\nR6;Un de trop`, { maxRows: 5 })).toEqual({
    ok: false,
    problem: { message: "import.file.too_many_rows", params: { max: 5 } },
  });
});

test("too many columns are refused", () => {
  expect(parseCsv(`${Array.from({ length: 61 }, (_, index) => `c${index}`).join(";")}\n1;2`)).toEqual({
    ok: false,
    problem: { message: "import.file.too_many_columns", params: { max: 60 } },
  });
});

test("writing: cells quoted only when needed, BOM and CRLF, and read back as written", () => {
  expect(csvCell("Carottes")).toBe("Carottes");
  expect(csvCell("3,20")).toBe("3,20");
  expect(csvCell("Beurre; demi-sel")).toBe('"Beurre; demi-sel"');
  expect(csvCell('Le "vrai"')).toBe('"Le ""vrai"""');
  expect(csvCell("deux\nlignes")).toBe('"deux\nlignes"');
  expect(csvCell(" espace")).toBe('" espace"');
  const rows = [
    ["reference", "description"],
    ["A", 'Un "beurre"; salé\r\nde baratte'],
    ["B", ""],
  ];
  const text = toCsv(rows);
  expect(text.startsWith("\uFEFFreference;description\r\n")).toBe(true);
  const parsed = table(text);
  expect([parsed.header, ...parsed.records.map((record) => record.cells)]).toEqual(rows);
});

test("writing: a text a spreadsheet would run as a formula is defused, numbers stay numbers, and the import reads back what was written", () => {
  expect(csvCell('=HYPERLINK("http://evil.example","Cliquez")')).toBe('"\'=HYPERLINK(""http://evil.example"",""Cliquez"")"');
  expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(csvCell("+33 6 12")).toBe("'+33 6 12");
  expect(csvCell("-1+1")).toBe("'-1+1");
  expect(csvCell("'=déjà protégé")).toBe("''=déjà protégé");
  expect(csvCell("-3,20")).toBe("-3,20");
  expect(csvCell("-3")).toBe("-3");
  expect(csvCell("0.5")).toBe("0.5");
  const rows = [
    ["nom", "prix"],
    ['=HYPERLINK("http://evil.example")', "-3,20"],
    ["'=déjà protégé", "+1"],
    ["'apostrophe", "@x"],
  ];
  const parsed = table(toCsv(rows));
  expect([parsed.header, ...parsed.records.map((record) => record.cells)]).toEqual(rows);
});
