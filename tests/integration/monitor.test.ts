// Monitoring against both databases: targets and figures imported through the real importer, the
// progress and alerts they give, acknowledgement, and the webhook receiving one POST per new alert.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { acknowledgeAlert, countAlerts, listAlerts, notifyAlerts, refreshAlerts, type MonitorConfig } from "@/lib/alerts/service";
import { deleteTarget, saveTarget } from "@/lib/alerts/targets";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { loadProgress } from "@/lib/db/queries/monitor";
import { importPackage, type ImportOptions } from "@/lib/import/run";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/alerts";
import { TARGETS } from "../support/databases";
import { fixtureFiles, textFile } from "../support/fixtures";

const commit: ImportOptions = { dryRun: false, actor: "test", channel: "api" };
const config: MonitorConfig = { tolerance: 0.05, thresholds: DEFAULT_THRESHOLDS };
const SOURCE = "Synthetic Monitor Bulletin";

const TARGETS_CSV = `zone,indicator,year,value,unit,source_title
synthetic-a,synthetic_trade,2025,1200,亿元,Synthetic Plan 2025
synthetic-b,synthetic_trade,2025,100,亿元,Synthetic Plan 2025
synthetic-a-north,synthetic_trade,2025,100,亿元,Synthetic Plan 2025
`;

const FIGURES_CSV = `zone,indicator,period,basis,value,unit,source_title
synthetic-a,synthetic_trade,2025-06,ytd,450,亿元,${SOURCE}
synthetic-b,synthetic_trade,2024-05,period,10,亿元,${SOURCE}
synthetic-b,synthetic_trade,2024-06,period,10,亿元,${SOURCE}
synthetic-b,synthetic_trade,2025-01,period,10,亿元,${SOURCE}
synthetic-b,synthetic_trade,2025-02,period,10,亿元,${SOURCE}
synthetic-b,synthetic_trade,2025-03,period,10,亿元,${SOURCE}
synthetic-b,synthetic_trade,2025-04,period,13,亿元,${SOURCE}
synthetic-b,synthetic_trade,2025-05,period,10,亿元,${SOURCE}
synthetic-b,synthetic_trade,2025-06,period,7,亿元,${SOURCE}
synthetic-a-north,synthetic_trade,2025-05,ytd,55,亿元,${SOURCE}
synthetic-a-north,synthetic_trade,2025-06,ytd,50,亿元,${SOURCE}
`;

type Received = { key: string; kind: string };

describe("the alert webhook's receiver", () => {
  let server: http.Server;
  let url = "";
  const received: Received[] = [];
  let failFirst = new Set<string>();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        const payload = JSON.parse(body) as { alert: Received };
        if (failFirst.has(payload.alert.key)) {
          failFirst.delete(payload.alert.key);
          response.writeHead(503).end();
          return;
        }
        received.push({ key: payload.alert.key, kind: payload.alert.kind });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  describe.each(TARGETS)("monitoring on $name", (target) => {
    let db: Database;

    beforeEach(async () => {
      received.length = 0;
      failFirst = new Set();
      // The refresh that follows every import reads the clock: set it to the monitoring date of these tests.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2025-08-20T08:00:00Z"));
      db = await target.open();
      await prepareDatabase(db, { seed: false });
      const base = await importPackage(db.prisma, fixtureFiles("base/zones.csv", "base/indicators.csv"), commit);
      expect(base.committed).toBe(true);
      const imported = await importPackage(db.prisma, [textFile(TARGETS_CSV, "targets.csv"), textFile(FIGURES_CSV)], commit);
      expect(imported.errors).toEqual([]);
      expect(imported.committed).toBe(true);
    });
    afterEach(async () => {
      vi.useRealTimers();
      await db?.close();
    });

    it("measures each zone against its pro-rated target", async () => {
      const rows = await loadProgress(db.prisma, { year: 2025, today: "2025-08-20", tolerance: 0.05 });
      const status = Object.fromEntries(rows.map((r) => [r.zone.code, r.progress.status]));
      expect(status).toEqual({ "synthetic-a": "behind", "synthetic-b": "ahead", "synthetic-a-north": "on_track" });
      const a = rows.find((r) => r.zone.code === "synthetic-a")?.progress;
      expect(a).toMatchObject({ elapsed: 0.5, expected: 600e8, gap: -150e8 });
      const b = rows.find((r) => r.zone.code === "synthetic-b")?.progress;
      expect(b?.actual).toMatchObject({ value: 60e8, through: "2025-06-30", derivation: "sum" });
      expect(rows.find((r) => r.zone.code === "synthetic-a")?.source?.title).toBe("Synthetic Plan 2025");
    });

    it("finds the alerts, keeps each once, and resolves what the data no longer shows", async () => {
      await refreshAlerts(db.prisma, { today: "2025-08-20", config });
      const open = await listAlerts(db.prisma);
      expect(open.map((a) => `${a.kind} ${a.zone.code}`).sort()).toEqual([
        "behind synthetic-a",
        "plausibility synthetic-a-north",
        "yoy_fall synthetic-b",
      ]);
      const fall = open.find((a) => a.kind === "yoy_fall");
      expect(fall?.magnitude).toBeCloseTo(-0.3, 10);
      expect(fall?.since).toBe("2025-06-30");
      expect(open.find((a) => a.kind === "behind")?.magnitude).toBeCloseTo(-0.25, 10);

      // A month later: the same alerts (not new ones), and both monthly series are overdue.
      const later = await refreshAlerts(db.prisma, { today: "2025-09-20", config });
      expect(later.inserted.sort()).toEqual([
        "stale:synthetic-a-north:synthetic_trade:ytd:2025-06-30",
        "stale:synthetic-b:synthetic_trade:period:2025-06-30",
      ]);
      expect(await db.prisma.alert.count()).toBe(5);

      // July arrives and recovers: the fall is resolved, the stale alert too.
      const july = `zone,indicator,period,basis,value,unit,source_title\nsynthetic-b,synthetic_trade,2025-07,period,12,亿元,${SOURCE}\n`;
      expect((await importPackage(db.prisma, [textFile(july)], commit)).committed).toBe(true);
      await refreshAlerts(db.prisma, { today: "2025-09-20", config });
      expect((await listAlerts(db.prisma, { state: "resolved" })).map((a) => a.key).sort()).toEqual([
        "stale:synthetic-b:synthetic_trade:period:2025-06-30",
        "yoy_fall:synthetic-b:synthetic_trade:period:2025-06-01:2025-06-30",
      ]);
      expect((await listAlerts(db.prisma)).map((a) => a.kind).sort()).toEqual(["behind", "plausibility", "stale"]);
    });

    it("lets an admin acknowledge an alert, which leaves the open list", async () => {
      await refreshAlerts(db.prisma, { today: "2025-08-20", config });
      const [first] = await listAlerts(db.prisma);
      if (!first) throw new Error("expected an alert");
      expect(await acknowledgeAlert(db.prisma, first.id, "Li Wei")).toBe(true);
      expect((await listAlerts(db.prisma)).map((a) => a.id)).not.toContain(first.id);
      const [acknowledged] = await listAlerts(db.prisma, { state: "acknowledged" });
      expect(acknowledged).toMatchObject({ id: first.id, acknowledgedBy: "Li Wei" });
      expect(await acknowledgeAlert(db.prisma, 999_999, "Li Wei")).toBe(false);
      // Found again, it stays acknowledged.
      await refreshAlerts(db.prisma, { today: "2025-08-21", config });
      expect((await listAlerts(db.prisma)).map((a) => a.id)).not.toContain(first.id);
    });

    it("lists the first few in the same order as the whole list, and counts them by state and kind", async () => {
      await refreshAlerts(db.prisma, { today: "2025-09-20", config });
      const all = await listAlerts(db.prisma);
      expect(all).toHaveLength(5);
      for (const n of [1, 2, 4, 10])
        expect((await listAlerts(db.prisma, {}, n)).map((a) => a.key)).toEqual(all.slice(0, n).map((a) => a.key));
      const stale = await listAlerts(db.prisma, { kind: "stale" }, 1);
      expect(stale).toHaveLength(1);
      expect(stale[0]?.key).toBe(all.find((a) => a.kind === "stale")?.key);
      expect((await listAlerts(db.prisma, { zone: "synthetic-b" }, 10)).map((a) => a.key)).toEqual(
        all.filter((a) => a.zone.code === "synthetic-b").map((a) => a.key),
      );
      const first = all[0];
      if (!first) throw new Error("expected an alert");
      await acknowledgeAlert(db.prisma, first.id, "Li Wei");
      expect((await listAlerts(db.prisma, { state: "acknowledged" }, 5)).map((a) => a.id)).toEqual([first.id]);
      expect(await countAlerts(db.prisma)).toEqual({
        open: { total: 4, byKind: { plausibility: 1, stale: 2, yoy_fall: 1 } },
        acknowledged: { total: 1, byKind: { behind: 1 } },
      });
    });

    it("sends exactly one POST per new alert, retrying a failed one, and none again", async () => {
      await refreshAlerts(db.prisma, { today: "2025-08-20", config });
      failFirst = new Set(["behind:synthetic-a:synthetic_trade:2025"]);
      const sent = await notifyAlerts(db.prisma, url, { backoffMs: 10 });
      expect(sent).toHaveLength(3);
      expect(received.map((r) => r.key).sort()).toEqual(sent.sort());
      expect(new Set(received.map((r) => r.key)).size).toBe(received.length);

      await refreshAlerts(db.prisma, { today: "2025-08-25", config });
      expect(await notifyAlerts(db.prisma, url, { backoffMs: 10 })).toEqual([]);
      await refreshAlerts(db.prisma, { today: "2025-09-20", config });
      expect((await notifyAlerts(db.prisma, url, { backoffMs: 10 })).sort()).toEqual([
        "stale:synthetic-a-north:synthetic_trade:ytd:2025-06-30",
        "stale:synthetic-b:synthetic_trade:period:2025-06-30",
      ]);
      expect(received).toHaveLength(5);
    });

    it("keeps an alert unsent while the receiver is down, and sends it once it is back", async () => {
      await refreshAlerts(db.prisma, { today: "2025-08-20", config });
      const down = "http://127.0.0.1:9/unreachable";
      expect(await notifyAlerts(db.prisma, down, { attempts: 2, backoffMs: 10, timeoutMs: 500 })).toEqual([]);
      expect(await db.prisma.alert.count({ where: { notifiedAt: null } })).toBe(3);
      expect(await notifyAlerts(db.prisma, url, { backoffMs: 10 })).toHaveLength(3);
      expect(received).toHaveLength(3);
    });

    it("sets, revises and deletes a target as an admin, checked like an import", async () => {
      const bad = await saveTarget(
        db.prisma,
        { zone: "synthetic-a", indicator: "synthetic_trade", year: "2026", value: "12", unit: "万吨" },
        "admin",
      );
      expect(bad.committed).toBe(false);
      expect(bad.errors[0]?.message).toMatch(/万吨/);
      const made = await saveTarget(
        db.prisma,
        { zone: "synthetic-a", indicator: "synthetic_trade", year: "2026", value: "1,500", unit: "亿元" },
        "admin",
      );
      expect(made).toMatchObject({ committed: true, tables: { targets: { new: 1 } } });
      const revised = await saveTarget(
        db.prisma,
        { zone: "synthetic-a", indicator: "synthetic_trade", year: "2026", value: "1600", unit: "亿元" },
        "admin",
      );
      expect(revised).toMatchObject({ committed: true, tables: { targets: { revised: 1 } } });
      const row = await db.prisma.target.findFirstOrThrow({ where: { year: 2026 } });
      expect(row.value).toBe(1600e8);
      expect(await deleteTarget(db.prisma, row.id)).toBe(true);
      expect(await deleteTarget(db.prisma, row.id)).toBe(false);
    });
  });
});
