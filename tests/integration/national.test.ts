// The national page's data on both databases: every FTZ of the seed with its province, areas and key figures,
// and the view built from it (checked by hand against the seed packages).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/connection";
import { prepareDatabase } from "@/lib/bootstrap";
import { getNationalData } from "@/lib/db/queries/national";
import { buildNationalView } from "@/lib/domain/national";
import { TARGETS } from "../support/databases";

describe.each(TARGETS)("the national data on $name", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
    await prepareDatabase(db, { seed: true });
  });
  afterAll(async () => db?.close());

  it("holds all 22 FTZs, Hebei with no figure, each FTZ with its province and areas", async () => {
    const data = await getNationalData(db.prisma);
    expect(data.zones).toHaveLength(22);
    const hebei = data.zones.find((z) => z.code === "hebei-ftz");
    expect(hebei).toMatchObject({ figureCount: 0, province: { code: "hebei" } });
    const anhui = data.zones.find((z) => z.code === "anhui-ftz");
    expect(anhui?.areas.map((a) => a.code)).toEqual(["anhui-ftz-bengbu", "anhui-ftz-hefei", "anhui-ftz-wuhu"]);
    expect(data.indicators.find((i) => i.code === "institutional_innovation_results")?.comparable).toBe(false);
  });

  it("builds the view: latest figures with their sources, the planned area after an expansion, the framing", async () => {
    const view = buildNationalView(await getNationalData(db.prisma));
    const row = (code: string) => view.rows.find((r) => r.zone.code === code);
    // Anhui's latest trade figure: 2,297 亿元 for January–September 2025.
    expect(row("anhui-ftz")?.cells.import_export?.figure).toMatchObject({
      basis: "ytd",
      start: "2025-01-01",
      end: "2025-09-30",
      value: 2297e8,
    });
    expect(row("anhui-ftz")?.cells.import_export?.figure.source.title).toBeTruthy();
    // Zhejiang: 119.95 km² at launch plus 119.5 km² added in 2020.
    expect(row("zhejiang-ftz")?.plannedArea?.km2).toBeCloseTo(239.45, 6);
    // Hubei: 0.065% of the province's area and 30.2% of its trade, both to 28 Feb 2019.
    expect(row("hubei-ftz")?.framing).toMatchObject({
      area: { value: 0.065 },
      areaBound: 0.1,
      trade: { figure: { value: 30.2, end: "2019-02-28" } },
    });
    expect(row("hebei-ftz")?.cells).toEqual({});
  });
});
