// The foundation against both databases: migrations, seed, restart, and failures with clear messages.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseUnavailableError, openDatabase, type Database } from "@/lib/db/connection";
import { DatabaseBusyError } from "@/lib/db/lock";
import { migrate, MigrationError, readMigrations } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/bootstrap";
import { seed, SEED_DIR } from "@/lib/import/seed";
import { copiedDataDir, freshDataDir, freshServerUrl, TARGETS } from "../support/databases";
import { byCode, sourceOf } from "../support/figures";

const SEED_PACKAGES = ["01-articles", "02-published", "03-yrd", "04-china", "05-names"];
const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
});
async function track(db: Promise<Database>): Promise<Database> {
  const value = await db;
  opened.push(value);
  return value;
}

describe.each(TARGETS)("on $name", (target) => {
  it("migrates and seeds a fresh database with the seed articles and the four packages of published figures, in order", async () => {
    const db = await track(target.open());
    const report = await prepareDatabase(db, { seed: true });
    expect(report.migrations).toEqual(readMigrations().map((m) => m.name));
    expect(report.seed).toEqual({ loaded: SEED_PACKAGES, skipped: [] });
    const imports = await db.prisma.import.findMany({ orderBy: { id: "asc" }, select: { actor: true, rowsNew: true } });
    expect(imports.map((i) => i.actor)).toEqual(SEED_PACKAGES.map((name) => `seed:${name}`));

    // data 24 zones + data-yrd 13 + data-china 81, less all-china-ftzs declared by both: 117; 168 + 72 + 350 figures.
    expect(await db.prisma.zone.count()).toBe(117);
    expect(await db.prisma.zone.count({ where: { kind: "ftz" } })).toBe(22);
    expect(await db.prisma.indicator.count()).toBe(61);
    expect(await db.prisma.observation.count()).toBe(590);
    expect(await db.prisma.observation.count({ where: { yoyPct: { not: null } } })).toBeGreaterThanOrEqual(57 + 86);
    const hebei = await db.prisma.zone.findUniqueOrThrow({ where: { code: "hebei-ftz" } });
    expect(await db.prisma.observation.count({ where: { zoneId: hebei.id } })).toBe(0);
    const innovations = await db.prisma.indicator.findUniqueOrThrow({ where: { code: "institutional_innovation_results" } });
    expect(innovations.comparable).toBe(false);

    const anhui = await db.prisma.zone.findUniqueOrThrow({ where: { code: "anhui-ftz" }, include: { parent: true, children: true } });
    expect(anhui.nameZh).toBe("中国（安徽）自由贸易试验区");
    expect(anhui.parent?.code).toBe("anhui");
    expect(anhui.children.map((c) => c.code).sort()).toEqual(["anhui-ftz-bengbu", "anhui-ftz-hefei", "anhui-ftz-wuhu"]);
    expect(anhui.establishedOn?.toISOString().slice(0, 10)).toBe("2020-09-24");

    const enterprises = await db.prisma.observation.findFirstOrThrow({
      where: {
        ...(await byCode(db.prisma, { zone: "anhui-ftz", indicator: "new_enterprises" })),
        basis: "cumulative",
        period: "2020-09-24/2021-01-25",
      },
    });
    expect(enterprises.value).toBe(3857);
    const source = await sourceOf(db.prisma, enterprises);
    expect(source.title).toContain("China News Service");
    expect(source.publishedOn?.toISOString().slice(0, 10)).toBe("2021-01-25");
    expect(enterprises.quote).toBe("At present, 3857 new enterprises have been established in the free trade zone");

    const investment = await db.prisma.observation.findFirstOrThrow({
      where: { ...(await byCode(db.prisma, { zone: "anhui-ftz", indicator: "signed_projects_investment" })), basis: "cumulative" },
      orderBy: { periodEnd: "asc" },
    });
    expect(investment).toMatchObject({ value: 292_200_000_000, publishedValue: 292.2, publishedUnit: "billion CNY" });
  });

  it("keeps the article's lower bound as an earlier vintage of the official 2020 trade figure", async () => {
    const db = await track(target.open());
    await prepareDatabase(db, { seed: true });
    const trade = await db.prisma.observation.findFirstOrThrow({
      where: { ...(await byCode(db.prisma, { zone: "anhui", indicator: "import_export" })), period: "2020", basis: "period" },
      include: { vintages: { include: { source: true } } },
    });
    expect(trade).toMatchObject({ value: 540_640_000_000, qualifier: "exact", publishedUnit: "亿元" });
    expect(trade.vintages).toHaveLength(1);
    expect(trade.vintages[0]).toMatchObject({ value: 500_000_000_000, qualifier: "at_least" });
    expect(trade.vintages[0]?.source.title).toContain("China News Service");
  });

  it("keeps lower bounds, approximations and unverified figures as marked", async () => {
    const db = await track(target.open());
    await prepareDatabase(db, { seed: true });
    const grouped = await db.prisma.observation.groupBy({ by: ["qualifier", "status"], _count: true });
    const count = (qualifier: string, status: string) => grouped.find((g) => g.qualifier === qualifier && g.status === status)?._count ?? 0;
    expect(count("at_least", "ok") + count("at_least", "unverified")).toBe(77);
    expect(count("approx", "ok")).toBe(27);
    expect(count("at_most", "ok")).toBe(1);
    expect(count("exact", "disputed")).toBe(1);
    expect(count("exact", "unverified")).toBe(9);
  });

  it("holds the dated events of the seed articles with their sources", async () => {
    const db = await track(target.open());
    await prepareDatabase(db, { seed: true });
    const events = await db.prisma.event.findMany({ include: { zone: true, source: true }, orderBy: { occurredOn: "asc" } });
    const summary = events.map((e) => [e.zone.code, e.occurredOn.toISOString().slice(0, 10), e.kind, e.datePrecision]);
    expect(summary).toContainEqual(["anhui-ftz", "2020-09-24", "inauguration", "day"]);
    expect(summary).toContainEqual(["zhejiang-ftz", "2020-09-01", "expansion", "month"]);
    expect(events.every((e) => e.source !== null && (e.quote ?? "").length > 20)).toBe(true);
  });

  it("seeds once: preparing again loads nothing and changes nothing", async () => {
    const db = await track(target.open());
    await prepareDatabase(db, { seed: true });
    const again = await prepareDatabase(db, { seed: true });
    expect(again).toEqual({ migrations: [], seed: { loaded: [], skipped: SEED_PACKAGES } });
    expect(await db.prisma.import.count()).toBe(SEED_PACKAGES.length);
    expect(await db.prisma.observation.count()).toBe(590);
  });

  it("gives a database seeded with the first packages the new ones on its next start", async () => {
    const db = await track(target.open());
    const older = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-seed-"));
    for (const name of ["01-articles", "02-published"]) fs.cpSync(path.join(SEED_DIR, name), path.join(older, name), { recursive: true });
    await migrate(db);
    expect(await seed(db, older)).toEqual({ loaded: ["01-articles", "02-published"], skipped: [] });
    expect(await db.prisma.observation.count({ where: await byCode(db.prisma, { zone: "guangdong-ftz" }) })).toBe(0);
    const next = await prepareDatabase(db, { seed: true });
    expect(next.seed).toEqual({ loaded: ["03-yrd", "04-china", "05-names"], skipped: ["01-articles", "02-published"] });
    expect(await db.prisma.observation.count()).toBe(590);
    expect(await db.prisma.observation.count({ where: await byCode(db.prisma, { zone: "guangdong-ftz" }) })).toBeGreaterThan(0);
    fs.rmSync(older, { recursive: true, force: true });
  });

  it("records migrations the way Prisma does, with the file's sha256", async () => {
    const db = await track(target.open());
    await migrate(db);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; applied_steps_count: number }[]>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    const first = files[0];
    if (!first) throw new Error("no migrations");
    expect(rows[0]?.checksum).toBe(
      createHash("sha256")
        .update(fs.readFileSync(path.join("prisma/migrations", first.name, "migration.sql")))
        .digest("hex"),
    );
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const db = await track(target.open());
    await migrate(db);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(db, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing of it", async () => {
    const db = await track(target.open());
    await migrate(db);
    const broken = [
      ...readMigrations(),
      { name: "29990101000000_broken", sql: `CREATE TABLE "half_done" (id int); SELECT * FROM "no_such_table";`, checksum: "x" },
    ];
    await expect(migrate(db, broken)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const tables = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    expect(tables[0]?.n).toBe(0);
    const recorded = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name LIKE '2999%'`,
    );
    expect(recorded[0]?.n).toBe(0);
  });
});

describe("the embedded database", () => {
  it("keeps its data across a restart and seeds only once", async () => {
    const dataDir = await copiedDataDir();
    const first = await openDatabase({ dataDir }, "test");
    await prepareDatabase(first, { seed: true });
    await first.close();
    const second = await track(openDatabase({ dataDir }, "test"));
    const report = await prepareDatabase(second, { seed: true });
    expect(report.seed).toEqual({ loaded: [], skipped: SEED_PACKAGES });
    expect(await second.prisma.observation.count()).toBe(590);
  });

  it("creates missing parent folders of its data directory", async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ftz-nested-")), "a", "b", "pglite");
    const db = await track(openDatabase({ dataDir }, "test"));
    await migrate(db);
    expect(fs.existsSync(dataDir)).toBe(true);
  });

  it("refuses a second opener while the first holds it, naming the holder", async () => {
    const dataDir = await copiedDataDir();
    await track(openDatabase({ dataDir }, "web server"));
    const lockFile = `${dataDir}.lock`;
    // Pretend another live process (the test runner's parent) holds the lock.
    const lock = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number };
    fs.writeFileSync(lockFile, JSON.stringify({ ...lock, pid: process.ppid, role: "web server", port: 3000 }));
    const error = await openDatabase({ dataDir }, "import").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as Error).message).toMatch(/in use by another process \(pid \d+, web server on port 3000\)/);
    fs.writeFileSync(lockFile, JSON.stringify(lock));
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dataDir = freshDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.cpSync(await copiedDataDir(), dataDir, { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, role: "web server", startedAt: "2026-01-01T00:00:00Z" }));
    const db = await track(openDatabase({ dataDir }, "test"));
    expect(db.kind).toBe("pglite");
  });
});

describe("the PostgreSQL server", () => {
  it("creates the database named in the URL when it does not exist", async () => {
    const url = freshServerUrl();
    const db = await track(openDatabase({ url }, "test"));
    await migrate(db);
    const name = new URL(url).pathname.slice(1);
    const rows = await db.prisma.$queryRawUnsafe<{ current_database: string }[]>("SELECT current_database()");
    expect(rows[0]?.current_database).toBe(name);
  });

  it("explains an unreachable server instead of failing with a stack trace", async () => {
    const error = await openDatabase({ url: "postgresql://postgres@127.0.0.1:1/ftz" }, "test").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toBe(
      "Cannot open the database (PostgreSQL at 127.0.0.1:1/ftz): nothing is listening there (is the server running?)",
    );
  });

  it("hides the password when it names the server", async () => {
    const error = await openDatabase({ url: "postgresql://postgres:secret@127.0.0.1:1/ftz" }, "test").catch((e: unknown) => e);
    expect((error as Error).message).not.toContain("secret");
  });
});
