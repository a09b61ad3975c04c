// The hand-written migrations must build exactly the schema that prisma/schema.prisma describes:
// tables, columns (type, nullability, defaults), enums, indexes and foreign keys, on both databases.
import fs from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { TARGETS } from "../support/databases";

type DmmfField = {
  name: string;
  dbName: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string; dbName: string | null }[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[]; dbName?: string | null }[];
  };
};

const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: fs.readFileSync("prisma/schema.prisma", "utf8") }))) as Dmmf;
const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`${model.name}.${fieldName} not in schema`);
  return field.dbName ?? field.name;
};

function expectedType(field: DmmfField): string {
  if (field.isList) {
    if (field.type !== "String") throw new Error(`no mapping for a list of ${field.type}`);
    return "ARRAY:_text";
  }
  if (field.kind === "enum") return `enum:${field.type}`;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case "String":
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Float":
      return "double precision";
    case "Boolean":
      return "boolean";
    case "Json":
      return "jsonb";
    case "DateTime":
      if (native === "Date") return "date";
      if (native === "Timestamptz") return `timestamp with time zone(${field.nativeType?.[1][0] ?? 6})`;
      return "timestamp without time zone(3)";
    default:
      throw new Error(`no mapping for ${field.type}`);
  }
}

type Column = {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
  datetime_precision: number | null;
};
type Index = { table_name: string; columns: string[]; is_unique: boolean };
type ForeignKey = { table_name: string; columns: string[]; foreign_table: string; foreign_columns: string[]; delete_rule: string };

describe.each(TARGETS)("migrated schema on $name", (target) => {
  let db: Database;
  let columns: Column[];
  let indexes: Index[];
  let foreignKeys: ForeignKey[];
  let enums: Map<string, string[]>;

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    const q = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);
    columns =
      await q<Column>(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision::int AS datetime_precision
                                 FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    indexes = await q<Index>(`SELECT t.relname AS table_name, ix.indisunique AS is_unique,
                                     array_agg(a.attname::text ORDER BY k.ord) AS columns
                                FROM pg_index ix
                                JOIN pg_class t ON t.oid = ix.indrelid
                                JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
                                JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
                                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                               WHERE t.relname <> '_prisma_migrations'
                               GROUP BY ix.indexrelid, t.relname, ix.indisunique`);
    foreignKeys = await q<ForeignKey>(`SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS foreign_table,
                                              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                                                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
                                              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
                                                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS foreign_columns,
                                              CASE c.confdeltype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'a' THEN 'NO ACTION' ELSE 'SET DEFAULT' END AS delete_rule
                                         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public' WHERE c.contype = 'f'`);
    const enumRows = await q<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    enums = new Map();
    for (const row of enumRows) enums.set(row.name, [...(enums.get(row.name) ?? []), row.value]);
  });
  afterAll(async () => db?.close());

  it("has exactly the tables of the schema", () => {
    expect([...new Set(columns.map((c) => c.table_name))].sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("has every column with the schema's type, nullability and default, and no other", () => {
    const actual = columns
      .map((c) => {
        const type =
          c.data_type === "USER-DEFINED"
            ? `enum:${c.udt_name}`
            : c.data_type === "ARRAY"
              ? `ARRAY:${c.udt_name}`
              : c.data_type.startsWith("timestamp")
                ? `${c.data_type}(${c.datetime_precision})`
                : c.data_type;
        return `${c.table_name}.${c.column_name} ${type} ${c.is_nullable === "NO" ? "required" : "optional"}${c.column_default !== null ? " default" : ""}`;
      })
      .sort();
    const expected = dmmf.datamodel.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind !== "object")
          .map(
            (f) =>
              `${tableOf(m)}.${f.dbName ?? f.name} ${expectedType(f)} ${f.isRequired ? "required" : "optional"}${f.hasDefaultValue ? " default" : ""}`,
          ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has the schema's enums with their values in order", () => {
    for (const e of dmmf.datamodel.enums) expect(enums.get(e.name), e.name).toEqual(e.values.map((v) => v.dbName ?? v.name));
    expect([...enums.keys()].sort()).toEqual(dmmf.datamodel.enums.map((e) => e.name).sort());
  });

  it("has exactly the schema's primary keys, unique constraints and indexes", () => {
    const actual = indexes.map((i) => `${i.table_name}(${i.columns.join(",")})${i.is_unique ? " unique" : ""}`).sort();
    const expected = dmmf.datamodel.indexes
      .map((i) => {
        const model = models.get(i.model);
        if (!model) throw new Error(i.model);
        return `${tableOf(model)}(${i.fields.map((f) => columnOf(model, f.name)).join(",")})${i.type === "normal" ? "" : " unique"}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has exactly the schema's foreign keys with their delete rules", () => {
    const actual = foreignKeys
      .map(
        (fk) =>
          `${fk.table_name}(${fk.columns.join(",")}) → ${fk.foreign_table}(${fk.foreign_columns.join(",")}) on delete ${fk.delete_rule}`,
      )
      .sort();
    const rule: Record<string, string> = {
      Restrict: "RESTRICT",
      Cascade: "CASCADE",
      SetNull: "SET NULL",
      NoAction: "NO ACTION",
      SetDefault: "SET DEFAULT",
    };
    const expected = dmmf.datamodel.models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const target = models.get(f.type);
            if (!target) throw new Error(f.type);
            const onDelete = rule[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")];
            return `${tableOf(m)}(${(f.relationFromFields ?? []).map((n) => columnOf(m, n)).join(",")}) → ${tableOf(target)}(${(f.relationToFields ?? []).map((n) => columnOf(target, n)).join(",")}) on delete ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
