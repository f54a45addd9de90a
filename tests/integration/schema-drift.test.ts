import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFreshDatabase, withClient } from "../setup/fresh-database";
import { migrate } from "~/infra/migrate.server";

/*
 * Proves that a database migrated from zero by the hand-written SQL of prisma/migrations matches
 * prisma/schema.prisma, the single source of the data model (the stack notes, "Prisma offline").
 * The full data model comes from Prisma's own schema parser (`getDMMF` of @prisma/internals, a
 * wasm module that works offline); the database side is read from the PostgreSQL catalogues. Both are reduced to the same shape and compared; every difference is a
 * sentence naming the model, field, index, constraint or enum that drifted.
 *
 * The database may hold more than the schema can say, and only that: CHECK constraints, partial
 * indexes and exclusion constraints (the reasons migrations are written by hand). Any other table,
 * column, index, foreign key or enum type absent from schema.prisma is drift.
 *
 * Two choices to know: a scalar list (`String[]`) must be NOT NULL, as Prisma Client types it
 * `string[]` (Prisma's own SQL leaves it nullable, and its schema engine ignores the nullability
 * of arrays, so NOT NULL is invisible to `prisma migrate diff`); foreign keys are expected under
 * Prisma's default names, as the DMMF does not carry `@relation(map: …)`.
 */

const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));
const MIGRATIONS_TABLE = "_prisma_migrations";
/** PostgreSQL's NAMEDATALEN - 1: Prisma truncates its default constraint names to fit. */
const MAX_IDENTIFIER_LENGTH = 63;

// ---------------------------------------------------------------------------------------------
// The shape both sides are reduced to (database names, not Prisma names)

type Datamodel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];
type DmmfModel = Datamodel["models"][number];
type DmmfField = DmmfModel["fields"][number];
type DmmfEnum = Datamodel["enums"][number];

type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

type ExpectedDefault =
  | { kind: "none"; why: string }
  | { kind: "now" }
  | { kind: "autoincrement" }
  | { kind: "dbgenerated"; expression: string }
  | { kind: "value"; value: unknown; dateTime: boolean; source: string };

type ExpectedColumn = { label: string; name: string; type: string; notNull: boolean; default: ExpectedDefault };

type IndexShape = {
  name: string;
  columns: string[];
  unique: boolean;
  method: string;
  descending: boolean[];
  /** Has a WHERE clause, expressions instead of columns, or INCLUDE columns: not expressible in schema.prisma. */
  partial: boolean;
  expressions: boolean;
  included: number;
};

type ExpectedIndex = IndexShape & { label: string };
type ForeignKeyShape = {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};
type ExpectedForeignKey = ForeignKeyShape & { label: string; onDeleteSource: string };

type ExpectedTable = {
  label: string;
  model: string;
  name: string;
  columns: ExpectedColumn[];
  primaryKey: { label: string; name: string; columns: string[] } | null;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};

type ExpectedSchema = {
  tables: Map<string, ExpectedTable>;
  enums: Map<string, { label: string; values: string[] }>;
};

type ActualColumn = {
  name: string;
  type: string;
  notNull: boolean;
  defaultExpression: string | null;
  /** `to_jsonb(<default expression>)`, for defaults without side effects. */
  defaultValue?: unknown;
};

type ActualIndex = IndexShape & { constraint: "p" | "u" | "x" | null };

type ActualTable = {
  name: string;
  kind: string;
  columns: Map<string, ActualColumn>;
  indexes: ActualIndex[];
  foreignKeys: ForeignKeyShape[];
  checks: string[];
};

type ActualSchema = {
  tables: Map<string, ActualTable>;
  enums: Map<string, string[]>;
};

// ---------------------------------------------------------------------------------------------
// schema.prisma → expected database

async function loadDatamodel(schemaText: string): Promise<Datamodel> {
  const dmmf = await internals.getDMMF({ datamodel: schemaText });
  return dmmf.datamodel;
}

const DEFAULT_COLUMN_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** `@db.X(args)` → what PostgreSQL's format_type() prints for the column. */
function nativeColumnType(label: string, [name, args]: readonly [string, readonly string[]]): string {
  const modifier = args.length > 0 ? `(${args.join(",")})` : "";
  const types: Record<string, string> = {
    Text: "text",
    VarChar: `character varying${modifier}`,
    Char: `character${modifier}`,
    Uuid: "uuid",
    Xml: "xml",
    Inet: "inet",
    Citext: "citext",
    Integer: "integer",
    SmallInt: "smallint",
    BigInt: "bigint",
    Oid: "oid",
    DoublePrecision: "double precision",
    Real: "real",
    Decimal: `numeric${modifier}`,
    Money: "money",
    Timestamptz: `timestamp${modifier} with time zone`,
    Timestamp: `timestamp${modifier} without time zone`,
    Date: "date",
    Time: `time${modifier} without time zone`,
    Timetz: `time${modifier} with time zone`,
    Boolean: "boolean",
    Bit: `bit${modifier}`,
    VarBit: `bit varying${modifier}`,
    Json: "json",
    JsonB: "jsonb",
    ByteA: "bytea",
  };
  const type = types[name];
  if (type === undefined) throw new Error(`${label}: @db.${name} is not known to the schema-drift test; add it to nativeColumnType()`);
  return type;
}

function defaultConstraintName(table: string, columns: readonly string[], suffix: string): string {
  let name = columns.length > 0 ? `${table}_${columns.join("_")}` : table;
  if (name.length > MAX_IDENTIFIER_LENGTH - suffix.length) name = name.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length);
  return `${name}${suffix}`;
}

const INDEX_METHODS: Record<string, string> = {
  BTree: "btree",
  Hash: "hash",
  Gist: "gist",
  Gin: "gin",
  SpGist: "spgist",
  Brin: "brin",
};

function expectedDefault(label: string, field: DmmfField, enumsByName: Map<string, DmmfEnum>): ExpectedDefault {
  if (!field.hasDefaultValue || field.default === undefined) {
    return { kind: "none", why: field.isUpdatedAt ? "@updatedAt is set by Prisma Client" : "no @default" };
  }
  const value = field.default;
  if (typeof value === "object" && !Array.isArray(value) && value !== null && "name" in value) {
    switch (value.name) {
      case "now":
        return { kind: "now" };
      case "autoincrement":
        return { kind: "autoincrement" };
      case "dbgenerated":
        return { kind: "dbgenerated", expression: String(value.args[0] ?? "") };
      case "uuid":
      case "cuid":
      case "nanoid":
      case "ulid":
        return { kind: "none", why: `@default(${value.name}()) is generated by Prisma Client` };
      default:
        throw new Error(`${label}: @default(${value.name}()) is not known to the schema-drift test`);
    }
  }
  const toDatabase = (scalar: unknown): unknown => {
    if (field.kind === "enum") {
      const found = enumsByName.get(field.type)?.values.find((candidate) => candidate.name === scalar);
      return found?.dbName ?? scalar;
    }
    if (field.type === "Json" && typeof scalar === "string") return JSON.parse(scalar);
    if (field.type === "BigInt" || field.type === "Decimal") return Number(scalar);
    return scalar;
  };
  const converted = Array.isArray(value) ? value.map(toDatabase) : toDatabase(value);
  return { kind: "value", value: converted, dateTime: field.type === "DateTime", source: JSON.stringify(value) };
}

function referentialAction(label: string, action: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  const found = actions[action];
  if (found === undefined) throw new Error(`${label}: unknown referential action ${action}`);
  return found;
}

function expectedFromDatamodel(datamodel: Datamodel): ExpectedSchema {
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const enumsByName = new Map(datamodel.enums.map((dmmfEnum) => [dmmfEnum.name, dmmfEnum]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`model ${model.name} has no field ${fieldName}`);
    return field.dbName ?? field.name;
  };

  const enums = new Map(
    datamodel.enums.map((dmmfEnum) => [
      dmmfEnum.dbName ?? dmmfEnum.name,
      { label: `enum ${dmmfEnum.name}`, values: dmmfEnum.values.map((value) => value.dbName ?? value.name) },
    ]),
  );

  const tables = new Map<string, ExpectedTable>();
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const columns: ExpectedColumn[] = [];
    const foreignKeys: ExpectedForeignKey[] = [];
    for (const field of model.fields) {
      const label = `${model.name}.${field.name}`;
      if (field.kind === "object") {
        const target = modelsByName.get(field.type);
        if (!target) throw new Error(`${label}: relation to unknown model ${field.type}`);
        const from = field.relationFromFields ?? [];
        if (from.length === 0) {
          const back = target.fields.find((other) => other.kind === "object" && other.relationName === field.relationName && other !== field);
          if (field.isList && back?.isList) {
            throw new Error(`${label}: implicit many-to-many relations are not handled by the schema-drift test; extend it`);
          }
          continue; // the other side holds the foreign key
        }
        const onDeleteSource = field.relationOnDelete
          ? `onDelete: ${field.relationOnDelete}`
          : `Prisma's default for ${field.isRequired ? "a required relation (Restrict)" : "an optional relation (SetNull)"}`;
        const columnsOfKey = from.map((name) => columnOf(model, name));
        foreignKeys.push({
          label,
          name: defaultConstraintName(table, columnsOfKey, "_fkey"),
          columns: columnsOfKey,
          referencedTable: tableOf(target),
          referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
          onDelete: referentialAction(label, field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
          onUpdate: referentialAction(label, field.relationOnUpdate ?? "Cascade"),
          onDeleteSource,
        });
        continue;
      }
      let type: string;
      if (field.kind === "enum") {
        const dmmfEnum = enumsByName.get(field.type);
        if (!dmmfEnum) throw new Error(`${label}: unknown enum ${field.type}`);
        type = `enum ${dmmfEnum.dbName ?? dmmfEnum.name}`;
      } else if (field.kind === "unsupported") {
        type = field.type;
      } else if (field.nativeType) {
        type = nativeColumnType(label, field.nativeType);
      } else {
        const defaultType = DEFAULT_COLUMN_TYPES[field.type];
        if (defaultType === undefined) throw new Error(`${label}: type ${field.type} is not known to the schema-drift test`);
        type = defaultType;
      }
      columns.push({
        label,
        name: field.dbName ?? field.name,
        type: field.isList ? `${type}[]` : type,
        // A scalar list is never null for Prisma Client (`String[]` is `string[]`): NOT NULL too.
        notNull: field.isRequired,
        default: expectedDefault(label, field, enumsByName),
      });
    }

    let primaryKey: ExpectedTable["primaryKey"] = null;
    const indexes: ExpectedIndex[] = [];
    for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      const fieldNames = index.fields.map((field) => field.name);
      const columnsOfIndex = fieldNames.map((name) => columnOf(model, name));
      const attribute = { id: "id", unique: "unique", normal: "index", fulltext: "fulltext" }[index.type];
      const label = index.isDefinedOnField
        ? `${model.name}.${fieldNames[0]} @${attribute}`
        : `model ${model.name} @@${attribute}([${fieldNames.join(", ")}])`;
      for (const field of index.fields) {
        if (field.length !== undefined || field.operatorClass !== undefined) {
          throw new Error(`${label}: index length/operator classes are not handled by the schema-drift test; extend it`);
        }
      }
      if (index.type === "id") {
        primaryKey = { label, name: index.dbName ?? defaultConstraintName(table, [], "_pkey"), columns: columnsOfIndex };
        continue;
      }
      if (index.type === "fulltext") throw new Error(`${label}: @@fulltext does not exist on PostgreSQL`);
      const method = INDEX_METHODS[index.algorithm ?? "BTree"];
      if (method === undefined) throw new Error(`${label}: unknown index type ${index.algorithm}`);
      indexes.push({
        label,
        name: index.dbName ?? defaultConstraintName(table, columnsOfIndex, index.type === "unique" ? "_key" : "_idx"),
        columns: columnsOfIndex,
        unique: index.type === "unique",
        method,
        descending: index.fields.map((field) => field.sortOrder === "desc"),
        partial: false,
        expressions: false,
        included: 0,
      });
    }
    tables.set(table, { label: `model ${model.name}`, model: model.name, name: table, columns, primaryKey, indexes, foreignKeys });
  }
  return { tables, enums };
}

// ---------------------------------------------------------------------------------------------
// database → actual shape (the current schema of the connection, `public`)

type Queryable = Pick<pg.Client, "query">;

const ACTIONS: Record<string, ReferentialAction> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function introspect(client: Queryable): Promise<ActualSchema> {
  const tables = new Map<string, ActualTable>();
  const relations = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind
       FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  for (const row of relations.rows) {
    tables.set(row.name, { name: row.name, kind: row.kind, columns: new Map(), indexes: [], foreignKeys: [], checks: [] });
  }

  const columns = await client.query<{
    table: string;
    name: string;
    not_null: boolean;
    formatted: string;
    typtype: string;
    typname: string;
    element_typtype: string | null;
    element_typname: string | null;
    default_expression: string | null;
    identity: string;
    generated: string;
  }>(
    `SELECT c.relname AS table, a.attname AS name, a.attnotnull AS not_null,
            format_type(a.atttypid, a.atttypmod) AS formatted,
            t.typtype, t.typname, et.typtype AS element_typtype, et.typname AS element_typname,
            pg_get_expr(d.adbin, d.adrelid) AS default_expression,
            a.attidentity AS identity, a.attgenerated AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relnamespace = current_schema()::regnamespace
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND c.relname <> $1
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  for (const row of columns.rows) {
    let type = row.formatted;
    if (row.typtype === "e") type = `enum ${row.typname}`;
    else if (row.element_typtype === "e") type = `enum ${row.element_typname}[]`;
    let defaultExpression = row.default_expression;
    if (row.identity !== "") defaultExpression = `GENERATED ${row.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`;
    if (row.generated !== "") defaultExpression = `GENERATED ALWAYS AS (${row.default_expression})`;
    const column: ActualColumn = { name: row.name, type, notNull: row.not_null, defaultExpression };
    if (row.default_expression !== null && row.identity === "" && row.generated === "" && !/nextval\(/i.test(row.default_expression)) {
      // Our own migrated database's default: a constant expression, safe to evaluate.
      try {
        const evaluated = await client.query<{ value: unknown }>(`SELECT to_jsonb(${row.default_expression}) AS value`);
        column.defaultValue = evaluated.rows[0]?.value;
      } catch {
        column.defaultValue = undefined;
      }
    }
    tables.get(row.table)?.columns.set(row.name, column);
  }

  const indexes = await client.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    expressions: boolean;
    columns: (string | null)[];
    descending: boolean[];
    included: number;
    constraint: "p" | "u" | "x" | null;
  }>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            am.amname AS method, ix.indpred IS NOT NULL AS partial, ix.indexprs IS NOT NULL AS expressions,
            ARRAY(SELECT a.attname::text
                    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE k.ord <= ix.indnkeyatts
                   ORDER BY k.ord) AS columns,
            ARRAY(SELECT (o.option & 1) = 1
                    FROM unnest(ix.indoption::int2[]) WITH ORDINALITY AS o(option, ord)
                   ORDER BY o.ord) AS descending,
            ix.indnatts - ix.indnkeyatts AS included,
            (SELECT con.contype::text FROM pg_constraint con
              WHERE con.conindid = ix.indexrelid AND con.conrelid = t.oid AND con.contype IN ('p', 'u', 'x')
              LIMIT 1) AS constraint
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_am am ON am.oid = i.relam
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> $1
      ORDER BY t.relname, i.relname`,
    [MIGRATIONS_TABLE],
  );
  for (const row of indexes.rows) {
    tables.get(row.table)?.indexes.push({
      name: row.name,
      columns: row.columns.map((column) => column ?? "(expression)"),
      unique: row.unique,
      method: row.method,
      descending: row.descending,
      partial: row.partial,
      expressions: row.expressions,
      included: row.included,
      constraint: row.primary ? "p" : row.constraint,
    });
  }

  const constraints = await client.query<{
    table: string;
    name: string;
    type: string;
    referenced_table: string | null;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
    definition: string;
  }>(
    `SELECT t.relname AS table, con.conname AS name, con.contype::text AS type, rt.relname AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
            pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       LEFT JOIN pg_class rt ON rt.oid = con.confrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname <> $1
      ORDER BY t.relname, con.conname`,
    [MIGRATIONS_TABLE],
  );
  for (const row of constraints.rows) {
    const table = tables.get(row.table);
    if (!table) continue;
    if (row.type === "f") {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        referencedTable: row.referenced_table ?? "?",
        referencedColumns: row.referenced_columns,
        onDelete: ACTIONS[row.on_delete] ?? "NO ACTION",
        onUpdate: ACTIONS[row.on_update] ?? "NO ACTION",
      });
    } else if (row.type === "c") {
      table.checks.push(`${row.name}: ${row.definition}`);
    }
    // p, u, x: seen through their indexes; n (PostgreSQL 18 NOT NULL constraints): seen through attnotnull.
  }

  const enumRows = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = current_schema()::regnamespace
      GROUP BY t.typname`,
  );
  return { tables, enums: new Map(enumRows.rows.map((row) => [row.name, row.labels])) };
}

// ---------------------------------------------------------------------------------------------
// comparison: one sentence per difference, naming what drifted

const list = (items: readonly unknown[]) => `(${items.join(", ")})`;

function describeIndex(index: IndexShape): string {
  const traits = [
    index.unique ? "unique" : "non-unique",
    index.method,
    index.descending.some(Boolean) ? `sort ${list(index.descending.map((desc) => (desc ? "desc" : "asc")))}` : null,
    index.partial ? "partial (WHERE …)" : null,
    index.expressions ? "on expressions" : null,
    index.included > 0 ? `with ${index.included} INCLUDE column(s)` : null,
  ].filter(Boolean);
  return `${list(index.columns)} ${traits.join(" ")}`;
}

function describeExpectedDefault(expected: ExpectedDefault): string {
  switch (expected.kind) {
    case "none":
      return `no database default (${expected.why})`;
    case "now":
      return "DEFAULT CURRENT_TIMESTAMP (@default(now()))";
    case "autoincrement":
      return "DEFAULT nextval(…) (@default(autoincrement()))";
    case "dbgenerated":
      return `DEFAULT ${expected.expression} (@default(dbgenerated()))`;
    case "value":
      return `a default equal to ${expected.source}`;
  }
}

function defaultMatches(expected: ExpectedDefault, actual: ActualColumn): boolean {
  const expression = actual.defaultExpression;
  switch (expected.kind) {
    case "none":
      return expression === null;
    case "now":
      return expression === "CURRENT_TIMESTAMP" || expression === "now()";
    case "autoincrement":
      return expression !== null && /^nextval\('.+'::regclass\)$/.test(expression);
    case "dbgenerated":
      return expression !== null && !expression.startsWith("GENERATED ");
    case "value": {
      if (expression === null || expression.startsWith("GENERATED ") || actual.defaultValue === undefined) return false;
      if (expected.dateTime) {
        const toTime = (value: unknown): unknown => (Array.isArray(value) ? value.map(toTime) : new Date(String(value)).getTime());
        return isDeepStrictEqual(toTime(expected.value), toTime(actual.defaultValue));
      }
      return isDeepStrictEqual(expected.value, actual.defaultValue);
    }
  }
}

function matchByNameThenShape<E extends { name: string }, A extends { name: string }>(
  expected: readonly E[],
  actual: readonly A[],
  sameShape: (e: E, a: A) => boolean,
): { pairs: [E, A][]; missing: E[]; extra: A[] } {
  const remaining = [...actual];
  const pairs: [E, A][] = [];
  const missing: E[] = [];
  const unnamed: E[] = [];
  for (const item of expected) {
    const at = remaining.findIndex((candidate) => candidate.name === item.name);
    if (at >= 0) pairs.push([item, remaining.splice(at, 1)[0]!]);
    else unnamed.push(item);
  }
  for (const item of unnamed) {
    const at = remaining.findIndex((candidate) => sameShape(item, candidate));
    if (at >= 0) pairs.push([item, remaining.splice(at, 1)[0]!]);
    else missing.push(item);
  }
  return { pairs, missing, extra: remaining };
}

function compareSchemas(expected: ExpectedSchema, actual: ActualSchema): string[] {
  const differences: string[] = [];

  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) differences.push(`${values.label}: enum type "${name}" is missing from the database`);
    else if (!isDeepStrictEqual(values.values, found)) {
      differences.push(`${values.label}: values ${list(values.values)} in schema.prisma, ${list(found)} in the database (same values in the same order expected)`);
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) differences.push(`enum type "${name}" exists in the database but not in schema.prisma`);
  }

  for (const [name, table] of actual.tables) {
    if (!expected.tables.has(name)) {
      differences.push(`${table.kind === "r" || table.kind === "p" ? "table" : "relation"} "${name}" exists in the database but no model of schema.prisma maps to it`);
    }
  }

  for (const [tableName, model] of expected.tables) {
    const table = actual.tables.get(tableName);
    if (!table) {
      differences.push(`${model.label}: table "${tableName}" is missing from the database`);
      continue;
    }
    if (table.kind !== "r" && table.kind !== "p") differences.push(`${model.label}: "${tableName}" is not a table in the database (relkind ${table.kind})`);

    // columns
    const expectedColumns = new Set(model.columns.map((column) => column.name));
    for (const column of model.columns) {
      const found = table.columns.get(column.name);
      const where = `column "${tableName}"."${column.name}"`;
      if (!found) {
        differences.push(`${column.label}: ${where} is missing from the database`);
        continue;
      }
      if (found.type !== column.type) {
        differences.push(`${column.label}: ${where} has type ${found.type} in the database, schema.prisma says ${column.type}`);
      }
      if (found.notNull !== column.notNull) {
        differences.push(
          column.notNull
            ? `${column.label}: schema.prisma says required (NOT NULL), ${where} is nullable in the database`
            : `${column.label}: schema.prisma says optional (nullable), ${where} is NOT NULL in the database`,
        );
      }
      if (!defaultMatches(column.default, found)) {
        differences.push(
          `${column.label}: schema.prisma expects ${describeExpectedDefault(column.default)}, ${where} has ${
            found.defaultExpression === null ? "no default" : `DEFAULT ${found.defaultExpression}`
          } in the database`,
        );
      }
    }
    for (const column of table.columns.keys()) {
      if (!expectedColumns.has(column)) {
        differences.push(`${model.label}: column "${tableName}"."${column}" exists in the database but no field of model ${model.model} maps to it`);
      }
    }

    // primary key
    const actualPrimary = table.indexes.find((index) => index.constraint === "p");
    if (model.primaryKey && !actualPrimary) {
      differences.push(`${model.primaryKey.label}: primary key "${model.primaryKey.name}" ${list(model.primaryKey.columns)} is missing from the database`);
    } else if (!model.primaryKey && actualPrimary) {
      differences.push(`${model.label}: the database has primary key "${actualPrimary.name}" ${list(actualPrimary.columns)}, schema.prisma declares no @id/@@id`);
    } else if (model.primaryKey && actualPrimary) {
      if (!isDeepStrictEqual(model.primaryKey.columns, actualPrimary.columns)) {
        differences.push(`${model.primaryKey.label}: primary key is ${list(model.primaryKey.columns)} in schema.prisma, ${list(actualPrimary.columns)} in the database`);
      }
      if (model.primaryKey.name !== actualPrimary.name) {
        differences.push(`${model.primaryKey.label}: primary key is named "${actualPrimary.name}" in the database, Prisma expects "${model.primaryKey.name}"`);
      }
    }

    // @unique, @@unique, @@index
    const secondary = table.indexes.filter((index) => index.constraint !== "p");
    const sameIndexShape = (e: ExpectedIndex, a: ActualIndex) => isDeepStrictEqual(e.columns, a.columns);
    const indexes = matchByNameThenShape(model.indexes, secondary, sameIndexShape);
    for (const index of indexes.missing) {
      differences.push(`${index.label}: ${index.unique ? "unique index" : "index"} "${index.name}" ${list(index.columns)} on "${tableName}" is missing from the database`);
    }
    for (const [index, found] of indexes.pairs) {
      if (index.name !== found.name) {
        differences.push(`${index.label}: index is named "${found.name}" in the database, Prisma expects "${index.name}"`);
      }
      if (describeIndex(index) !== describeIndex(found)) {
        differences.push(`${index.label}: index "${found.name}" on "${tableName}" is ${describeIndex(found)} in the database, schema.prisma says ${describeIndex(index)}`);
      }
    }
    for (const index of indexes.extra) {
      if (index.partial || index.expressions || index.constraint === "x") continue; // hand-written guarantees
      differences.push(`${model.label}: index "${index.name}" ${describeIndex(index)} on "${tableName}" exists in the database but not in schema.prisma`);
    }

    // relations
    const sameKeyShape = (e: ExpectedForeignKey, a: ForeignKeyShape) =>
      isDeepStrictEqual(e.columns, a.columns) && e.referencedTable === a.referencedTable;
    const foreignKeys = matchByNameThenShape(model.foreignKeys, table.foreignKeys, sameKeyShape);
    for (const key of foreignKeys.missing) {
      differences.push(`${key.label}: foreign key "${key.name}" ${list(key.columns)} → "${key.referencedTable}" ${list(key.referencedColumns)} is missing from the database`);
    }
    for (const [key, found] of foreignKeys.pairs) {
      const where = `${key.label}: foreign key "${found.name}"`;
      if (key.name !== found.name) differences.push(`${key.label}: foreign key is named "${found.name}" in the database, Prisma expects "${key.name}"`);
      if (!isDeepStrictEqual(key.columns, found.columns)) {
        differences.push(`${where} is on ${list(found.columns)} in the database, schema.prisma says ${list(key.columns)}`);
      }
      if (key.referencedTable !== found.referencedTable || !isDeepStrictEqual(key.referencedColumns, found.referencedColumns)) {
        differences.push(
          `${where} references "${found.referencedTable}" ${list(found.referencedColumns)} in the database, schema.prisma says "${key.referencedTable}" ${list(key.referencedColumns)}`,
        );
      }
      if (key.onDelete !== found.onDelete) {
        differences.push(`${where} is ON DELETE ${found.onDelete} in the database, schema.prisma says ${key.onDelete} (${key.onDeleteSource})`);
      }
      if (key.onUpdate !== found.onUpdate) {
        differences.push(`${where} is ON UPDATE ${found.onUpdate} in the database, schema.prisma says ${key.onUpdate}`);
      }
    }
    for (const key of foreignKeys.extra) {
      differences.push(
        `${model.label}: foreign key "${key.name}" ${list(key.columns)} → "${key.referencedTable}" ${list(key.referencedColumns)} exists in the database but no relation of schema.prisma declares it`,
      );
    }
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------
// a database of our own, migrated from zero

/** Edits the schema text in memory, failing loudly if the text to edit is not there. */
function edit(schema: string, from: string | RegExp, to: string): string {
  const edited = schema.replace(from, to);
  if (edited === schema) throw new Error(`the schema-drift self-test could not find ${String(from)} in schema.prisma: update the test`);
  return edited;
}

describe("schema.prisma ↔ a database migrated from zero", () => {
  const schemaText = readFileSync(SCHEMA_PATH, "utf8");
  let database: Awaited<ReturnType<typeof createFreshDatabase>> | undefined;
  let actual: ActualSchema;
  let datamodel: Datamodel;

  beforeAll(async () => {
    database = await createFreshDatabase("drift");
    await migrate(database.url);
    actual = await withClient(database.url, introspect);
    datamodel = await loadDatamodel(schemaText);
  });

  afterAll(async () => {
    await database?.drop();
  });

  test("every model, field, type, nullability, default, key, unique, index, relation and enum matches", () => {
    const expected = expectedFromDatamodel(datamodel);
    expect(compareSchemas(expected, actual)).toEqual([]);

    // Not vacuous: the whole data model was compared, against a database that has it.
    expect(expected.tables.size).toBe(datamodel.models.length);
    expect(expected.tables.size).toBeGreaterThan(0);
    expect(actual.tables.size).toBe(expected.tables.size);
    const count = (pick: (table: ExpectedTable) => number) => [...expected.tables.values()].reduce((sum, table) => sum + pick(table), 0);
    const scalarFields = datamodel.models.flatMap((model) => model.fields.filter((field) => field.kind !== "object"));
    expect(count((table) => table.columns.length)).toBe(scalarFields.length);
    expect([...actual.tables.values()].reduce((sum, table) => sum + table.columns.size, 0)).toBe(scalarFields.length);
    expect(count((table) => (table.primaryKey ? 1 : 0))).toBe(expected.tables.size);
    expect(count((table) => table.indexes.filter((index) => index.unique).length)).toBeGreaterThan(0);
    expect(count((table) => table.indexes.filter((index) => !index.unique).length)).toBeGreaterThan(0);
    expect(count((table) => table.foreignKeys.length)).toBeGreaterThan(0);
    expect(count((table) => table.foreignKeys.filter((key) => key.onDelete === "CASCADE").length)).toBeGreaterThan(0);
    expect(count((table) => table.columns.filter((column) => column.default.kind === "value").length)).toBeGreaterThan(0);
    expect(expected.enums.size).toBe(datamodel.enums.length);
    expect(expected.enums.size).toBeGreaterThan(0);
    // The hand-written guarantees are there, and allowed.
    expect([...actual.tables.values()].flatMap((table) => table.checks).length).toBeGreaterThan(0);
  });

  test("the comparison catches drift and names it (a schema edited in memory, never the real file)", async () => {
    const driftOf = async (edited: string) => compareSchemas(expectedFromDatamodel(await loadDatamodel(edited)), actual);

    // One extra field.
    expect(await driftOf(edit(schemaText, /model User \{\n/, "model User {\n  nickname String?\n"))).toEqual([
      expect.stringMatching(/^User\.nickname: column "User"\."nickname" is missing from the database$/),
    ]);
    // Nullability flipped, both ways.
    expect(await driftOf(edit(schemaText, /(\n {2}nameEn +)String\?/, "$1String"))).toEqual([
      expect.stringMatching(/^Product\.nameEn: schema\.prisma says required \(NOT NULL\), column "Product"\."nameEn" is nullable/),
    ]);
    expect(await driftOf(edit(schemaText, /(\n {2}slug +)String /, "$1String? "))).toEqual([
      expect.stringMatching(/^Organisation\.slug: schema\.prisma says optional \(nullable\), column "Organisation"\."slug" is NOT NULL/),
    ]);
    // A type, a precision.
    expect(await driftOf(edit(schemaText, /(model Commune \{[^}]*?\n {2}lat +)Float/, "$1Int"))).toEqual([
      expect.stringMatching(/^Commune\.lat: column "Commune"\."lat" has type double precision in the database, schema\.prisma says integer$/),
    ]);
    expect(await driftOf(edit(schemaText, /(model Session \{[^}]*?expiresAt DateTime +@db\.Timestamptz)\(3\)/, "$1(6)"))).toEqual([
      expect.stringMatching(/^Session\.expiresAt: .* timestamp\(3\) with time zone in the database, schema\.prisma says timestamp\(6\) with time zone$/),
    ]);
    // A default value, a default removed.
    expect(await driftOf(edit(schemaText, /(\n {2}ordered +Int +)@default\(0\)/, "$1@default(1)"))).toEqual([
      expect.stringMatching(/^Offer\.ordered: schema\.prisma expects a default equal to 1, column "Offer"\."ordered" has DEFAULT 0/),
    ]);
    expect(await driftOf(edit(schemaText, /(\n {2}locale +Locale +)@default\(fr\)/, "$1"))).toEqual([
      expect.stringMatching(/^User\.locale: schema\.prisma expects no database default .*DEFAULT 'fr'::"Locale"/),
    ]);
    // Enum values reordered, and one added.
    expect(await driftOf(edit(schemaText, /enum Locale \{\n {2}fr\n {2}en\n\}/, "enum Locale {\n  en\n  fr\n}"))).toEqual([
      expect.stringMatching(/^enum Locale: values \(en, fr\) in schema\.prisma, \(fr, en\) in the database/),
    ]);
    expect(await driftOf(edit(schemaText, /(enum SaleUnit \{[^}]*LITRE\n)/, "$1  METRE\n"))).toEqual([expect.stringMatching(/^enum SaleUnit: /)]);
    // A relation's ON DELETE, explicit and by Prisma's defaults (required → Restrict, optional → SetNull).
    expect(await driftOf(edit(schemaText, /(model Session \{[^}]*?references: \[id\]), onDelete: Cascade\)/, "$1)"))).toEqual([
      expect.stringMatching(/^Session\.user: foreign key "Session_userId_fkey" is ON DELETE CASCADE in the database, schema\.prisma says RESTRICT/),
    ]);
    expect(
      await driftOf(edit(schemaText, /(\n {2}organisationId +)String\?(\s+organisation +)Organisation\?/, "$1String$2Organisation")),
    ).toEqual([
      expect.stringMatching(/^PickupPoint\.organisationId: schema\.prisma says required/),
      expect.stringMatching(/^PickupPoint\.organisation: foreign key "PickupPoint_organisationId_fkey" is ON DELETE SET NULL in the database, schema\.prisma says RESTRICT/),
    ]);
    expect(
      await driftOf(edit(schemaText, /(slot +PickupSlot +@relation\(fields: \[slotId\], references: \[id\])\)/, "$1, onDelete: Cascade)")),
    ).toEqual([expect.stringMatching(/^Order\.slot: foreign key "Order_slotId_fkey" is ON DELETE RESTRICT in the database, schema\.prisma says CASCADE \(onDelete: Cascade\)$/)]);
    // Uniques and indexes, in both directions.
    expect(await driftOf(edit(schemaText, /(\n {2}slug +String +)@unique/, "$1"))).toEqual([
      expect.stringMatching(/^model Organisation: index "Organisation_slug_key" \(slug\) unique btree on "Organisation" exists in the database but not in schema\.prisma$/),
    ]);
    expect(await driftOf(edit(schemaText, /(model Category \{[^}]*?)\n\}/, "$1\n\n  @@unique([nameFr])\n}"))).toEqual([
      expect.stringMatching(/^model Category @@unique\(\[nameFr\]\): unique index "Category_nameFr_key" \(nameFr\) on "Category" is missing from the database$/),
    ]);
    expect(await driftOf(edit(schemaText, /\n {2}@@index\(\[startsAt\]\)/, ""))).toEqual([
      expect.stringMatching(/^model Distribution: index "Distribution_startsAt_idx" \(startsAt\) non-unique btree on "Distribution" exists in the database/),
    ]);
    expect(await driftOf(edit(schemaText, /@@index\(\[status, nextAttemptAt\]\)/, "@@index([nextAttemptAt, status])"))).toEqual([
      expect.stringMatching(/^model OutboxEmail @@index\(\[nextAttemptAt, status\]\): index "OutboxEmail_nextAttemptAt_status_idx" .* is missing/),
      expect.stringMatching(/^model OutboxEmail: index "OutboxEmail_status_nextAttemptAt_idx" .* exists in the database but not in schema\.prisma$/),
    ]);
    expect(await driftOf(edit(schemaText, /@@unique\(\[orderId, offerId\]\)/, "@@index([orderId, offerId])"))).toEqual([
      expect.stringMatching(/^model OrderLine @@index\(\[orderId, offerId\]\): index is named "OrderLine_orderId_offerId_key" in the database, Prisma expects "OrderLine_orderId_offerId_idx"$/),
      expect.stringMatching(/^model OrderLine @@index\(\[orderId, offerId\]\): .* is \(orderId, offerId\) unique btree in the database, schema\.prisma says \(orderId, offerId\) non-unique btree$/),
    ]);
    // A primary key.
    expect(await driftOf(edit(schemaText, /@@id\(\[key, windowStart\]\)/, "@@id([windowStart, key])"))).toEqual([
      expect.stringMatching(/^model RateLimitHit @@id\(\[windowStart, key\]\): primary key is \(windowStart, key\) in schema\.prisma, \(key, windowStart\) in the database$/),
    ]);
    // A whole model, and a model renamed with @@map.
    expect(await driftOf(edit(schemaText, /\nmodel OutboxEmail \{[^}]*\}\n?/, "\n"))).toEqual([
      'table "OutboxEmail" exists in the database but no model of schema.prisma maps to it',
    ]);
    const mapped = await driftOf(edit(schemaText, /(model Category \{[^}]*?)\n\}/, '$1\n\n  @@map("categories")\n}'));
    expect(mapped).toContain('model Category: table "categories" is missing from the database');
    expect(mapped).toContain('table "Category" exists in the database but no model of schema.prisma maps to it');
  });

  test("objects added to the database outside schema.prisma are drift; CHECK constraints and partial indexes are not", async () => {
    await withClient(database!.url, async (client) => {
      await client.query("BEGIN");
      try {
        await client.query(`ALTER TABLE "User" ADD COLUMN "nickname" TEXT`);
        await client.query(`CREATE INDEX "User_name_idx" ON "User"("name")`);
        await client.query(`CREATE TABLE "Stray" ("id" TEXT PRIMARY KEY)`);
        await client.query(`ALTER TABLE "Offer" ADD CONSTRAINT "Offer_extra_fkey" FOREIGN KEY ("priceCents") REFERENCES "Order"("number")`);
        await client.query(`CREATE TYPE "Mood" AS ENUM ('happy')`);
        await client.query(`ALTER TABLE "Offer" ALTER COLUMN "stock" DROP NOT NULL`);
        // Allowed: what schema.prisma cannot say.
        await client.query(`ALTER TABLE "Category" ADD CONSTRAINT "Category_position_check" CHECK ("position" >= 0)`);
        await client.query(`CREATE UNIQUE INDEX "Order_one_confirmed_per_slot" ON "Order"("userId", "slotId") WHERE "status" = 'CONFIRMED'`);
        const differences = compareSchemas(expectedFromDatamodel(datamodel), await introspect(client));
        expect(differences.sort()).toEqual(
          [
            'enum type "Mood" exists in the database but not in schema.prisma',
            'table "Stray" exists in the database but no model of schema.prisma maps to it',
            'model User: column "User"."nickname" exists in the database but no field of model User maps to it',
            'model User: index "User_name_idx" (name) non-unique btree on "User" exists in the database but not in schema.prisma',
            'model Offer: foreign key "Offer_extra_fkey" (priceCents) → "Order" (number) exists in the database but no relation of schema.prisma declares it',
            'Offer.stock: schema.prisma says required (NOT NULL), column "Offer"."stock" is nullable in the database',
          ].sort(),
        );
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });
});
