import { describe, expect, it } from "vitest";
import { endOfMonth } from "@/lib/domain/dates";
import { actualFor, attentionOrder, elapsedShare, progressFor, progressStatus, type MonitorFigure } from "@/lib/domain/monitor";
import {
  behindAlert,
  cadenceOf,
  DEFAULT_THRESHOLDS,
  nextReleaseDue,
  plausibilityAlert,
  reconcileAlerts,
  staleAlert,
  uniqueByKey,
  yoyFallAlert,
  type SeriesFigures,
} from "@/lib/domain/alerts";

const month = (year: number, m: number, value: number, qualifier: MonitorFigure["qualifier"] = "exact"): MonitorFigure => ({
  basis: "period",
  start: `${year}-${String(m).padStart(2, "0")}-01`,
  end: endOfMonth(year, m),
  value,
  qualifier,
});
const ytd = (year: number, m: number, value: number): MonitorFigure => ({
  basis: "ytd",
  start: `${year}-01-01`,
  end: endOfMonth(year, m),
  value,
  qualifier: "exact",
});
const quarter = (year: number, q: number, value: number): MonitorFigure => ({
  basis: "period",
  start: `${year}-${String(q * 3 - 2).padStart(2, "0")}-01`,
  end: endOfMonth(year, q * 3),
  value,
  qualifier: "exact",
});

describe("elapsed share of the year", () => {
  it.each([
    ["2025-06-30", 0.5],
    ["2025-03-31", 0.25],
    ["2025-12-31", 1],
    ["2025-01-31", 1 / 12],
    ["2024-02-29", 2 / 12],
    ["2025-07-02", 183 / 365],
    ["2024-07-02", 184 / 366],
  ])("%s → %d", (date, share) => expect(elapsedShare(date)).toBeCloseTo(share, 10));
});

describe("the year-to-date actual", () => {
  it("sums monthly figures from January without a gap", () => {
    const figures = [month(2025, 1, 10), month(2025, 2, 20), month(2025, 3, 30), month(2025, 5, 99)];
    expect(actualFor(figures, "flow", 2025)).toEqual({ value: 60, through: "2025-03-31", qualifier: "exact", derivation: "sum" });
  });

  it("sums quarterly figures", () => {
    expect(actualFor([quarter(2025, 1, 100), quarter(2025, 2, 150)], "flow", 2025)).toMatchObject({
      value: 250,
      through: "2025-06-30",
    });
  });

  it("takes the later of the latest year-to-date figure and the sum of months", () => {
    const figures = [month(2025, 1, 10), month(2025, 2, 20), ytd(2025, 4, 95)];
    expect(actualFor(figures, "flow", 2025)).toMatchObject({ value: 95, through: "2025-04-30", derivation: "ytd" });
    expect(actualFor([...figures, month(2025, 3, 30), month(2025, 4, 31), month(2025, 5, 40)], "flow", 2025)).toMatchObject({
      value: 131,
      through: "2025-05-31",
    });
  });

  it("carries a lower bound through the sum", () => {
    expect(actualFor([month(2025, 1, 10, "at_least"), month(2025, 2, 20)], "flow", 2025)?.qualifier).toBe("at_least");
  });

  it("ignores figures of other years and those after `until`", () => {
    const figures = [month(2024, 12, 5), month(2025, 1, 10), month(2025, 2, 20)];
    expect(actualFor(figures, "flow", 2025, "2025-01-31")).toMatchObject({ value: 10, through: "2025-01-31" });
    expect(actualFor(figures, "flow", 2026)).toBeNull();
  });

  it("takes the latest level of a stock", () => {
    const figures: MonitorFigure[] = [
      { basis: "point", start: "2025-03-31", end: "2025-03-31", value: 400, qualifier: "exact" },
      { basis: "point", start: "2025-06-30", end: "2025-06-30", value: 450, qualifier: "exact" },
    ];
    expect(actualFor(figures, "stock", 2025)).toMatchObject({ value: 450, through: "2025-06-30", derivation: "level" });
  });
});

describe("progress against the pro-rated target", () => {
  const base = { kind: "flow" as const, year: 2025, target: 1200, today: "2025-08-20", tolerance: 0.05 };

  it("pro-rates by months: half the target by the end of June (时间过半、任务过半)", () => {
    const figures = [ytd(2025, 6, 600)];
    expect(progressFor({ ...base, figures })).toMatchObject({
      status: "on_track",
      elapsed: 0.5,
      expected: 600,
      gap: 0,
      ratio: 1,
      reached: 0.5,
    });
  });

  it("pro-rates quarterly data by quarters", () => {
    const progress = progressFor({ ...base, figures: [quarter(2025, 1, 200), quarter(2025, 2, 250), quarter(2025, 3, 300)] });
    expect(progress.elapsed).toBe(0.75);
    expect(progress.expected).toBe(900);
    expect(progress.status).toBe("behind");
    expect(progress.gap).toBe(-150);
  });

  it("is ahead above the tolerance and behind below it, on track within it", () => {
    expect(progressFor({ ...base, figures: [ytd(2025, 6, 631)] }).status).toBe("ahead");
    expect(progressFor({ ...base, figures: [ytd(2025, 6, 629)] }).status).toBe("on_track");
    expect(progressFor({ ...base, figures: [ytd(2025, 6, 571)] }).status).toBe("on_track");
    expect(progressFor({ ...base, figures: [ytd(2025, 6, 569)] }).status).toBe("behind");
  });

  it("counts a target met early as met", () => {
    expect(progressFor({ ...base, figures: [ytd(2025, 9, 1250)] })).toMatchObject({ status: "met", reached: 1250 / 1200 });
  });

  it("says a year not yet started is not started, and a year without figures has no data", () => {
    expect(progressFor({ ...base, today: "2024-12-31", figures: [] })).toMatchObject({ status: "not_started", elapsed: 0, expected: null });
    const none = progressFor({ ...base, today: "2025-07-15", figures: [month(2024, 6, 1)] });
    expect(none.status).toBe("no_data");
    expect(none.expected).toBeCloseTo((1200 * 196) / 365, 6);
  });

  it("computes the change on the same months a year earlier", () => {
    const figures = [ytd(2024, 6, 500), ytd(2025, 6, 600)];
    expect(progressFor({ ...base, figures }).yoy).toBeCloseTo(0.2, 10);
    expect(progressFor({ ...base, figures: [ytd(2024, 5, 500), ytd(2025, 6, 600)] }).yoy).toBeNull();
  });

  it("measures a stock from last year's closing level towards the target", () => {
    const figures: MonitorFigure[] = [
      { basis: "point", start: "2024-12-31", end: "2024-12-31", value: 1000, qualifier: "exact" },
      { basis: "point", start: "2025-06-30", end: "2025-06-30", value: 1100, qualifier: "exact" },
    ];
    expect(progressFor({ ...base, kind: "stock", target: 1200, figures })).toMatchObject({ expected: 1100, status: "on_track" });
  });

  it("sorts what needs attention first", () => {
    const behind = progressFor({ ...base, figures: [ytd(2025, 6, 300)] });
    const worse = progressFor({ ...base, figures: [ytd(2025, 6, 100)] });
    const ahead = progressFor({ ...base, figures: [ytd(2025, 6, 700)] });
    const none = progressFor({ ...base, figures: [] });
    expect([ahead, none, behind, worse].sort(attentionOrder).map((p) => p.actual?.value ?? null)).toEqual([100, 300, null, 700]);
  });

  it.each([
    [100, 100, 200, "on_track"],
    [200, 100, 200, "met"],
    [0, 0, 200, "on_track"],
    [94.9, 100, 200, "behind"],
    [105.1, 100, 200, "ahead"],
  ] as const)("status of %d against %d (target %d) is %s", (actual, expected, target, status) =>
    expect(progressStatus(actual, expected, target, 0.05)).toBe(status),
  );
});

describe("alerts", () => {
  const series = (figures: SeriesFigures["figures"], basis: SeriesFigures["basis"] = "period"): SeriesFigures => ({
    zone: "synthetic-a",
    indicator: "synthetic_trade",
    basis,
    percent: false,
    figures,
  });

  it("raises behind only beyond the threshold, keyed by zone, indicator and year", () => {
    const base = { kind: "flow" as const, year: 2025, target: 1200, today: "2025-08-20", tolerance: 0.05 };
    const slightly = progressFor({ ...base, figures: [ytd(2025, 6, 560)] });
    expect(slightly.status).toBe("behind");
    expect(behindAlert("z", "i", 2025, slightly, DEFAULT_THRESHOLDS)).toBeNull();
    const far = behindAlert("z", "i", 2025, progressFor({ ...base, figures: [ytd(2025, 6, 450)] }), DEFAULT_THRESHOLDS);
    expect(far).toMatchObject({ key: "behind:z:i:2025", kind: "behind", since: "2025-06-30" });
    expect(far?.magnitude).toBeCloseTo(-0.25, 10);
  });

  it("raises a year-on-year fall of the latest figure only", () => {
    const falling = series([month(2024, 5, 100), month(2024, 6, 100), month(2025, 5, 95), month(2025, 6, 80)]);
    expect(yoyFallAlert(falling, DEFAULT_THRESHOLDS)).toMatchObject({
      key: "yoy_fall:synthetic-a:synthetic_trade:period:2025-06-01:2025-06-30",
      since: "2025-06-30",
    });
    expect(yoyFallAlert(falling, DEFAULT_THRESHOLDS)?.magnitude).toBeCloseTo(-0.2, 10);
    const recovered = series([month(2024, 5, 100), month(2024, 6, 100), month(2025, 5, 50), month(2025, 6, 95)]);
    expect(yoyFallAlert(recovered, DEFAULT_THRESHOLDS)).toBeNull();
    expect(yoyFallAlert({ ...falling, percent: true }, DEFAULT_THRESHOLDS)).toBeNull();
  });

  it("takes the change published with the latest figure over the one its levels give", () => {
    // The levels say −20%; the source says −3.1% on a comparable basis: no alert.
    const published = series([month(2024, 6, 100), { ...month(2025, 6, 80), yoyPct: -3.1 }]);
    expect(yoyFallAlert(published, DEFAULT_THRESHOLDS)).toBeNull();
    // A published fall of 15% raises one with nothing a year earlier to compute from.
    const alone = series([{ ...month(2025, 6, 80), yoyPct: -15 }]);
    expect(yoyFallAlert(alone, DEFAULT_THRESHOLDS)).toMatchObject({ magnitude: -0.15, details: { rate: "published", before: null } });
  });

  it("reads the cadence from the last two figures", () => {
    expect(cadenceOf([month(2025, 4, 1), month(2025, 5, 1)])).toBe(1);
    expect(cadenceOf([quarter(2025, 1, 1), quarter(2025, 2, 1)])).toBe(3);
    expect(cadenceOf([month(2025, 1, 1), month(2025, 5, 1)])).toBeUndefined();
    expect(
      cadenceOf([
        { start: "2023-01-01", end: "2023-12-31", value: 1 },
        { start: "2024-01-01", end: "2024-12-31", value: 1 },
      ]),
    ).toBe(12);
    expect(cadenceOf([month(2025, 1, 1)])).toBeUndefined();
  });

  it.each([
    ["2025-05-31", 1, "2025-08-14"],
    ["2025-12-31", 1, "2026-03-17"],
    ["2025-01-31", 1, "2025-04-14"],
    ["2025-06-30", 3, "2025-11-14"],
    ["2024-12-31", 12, "2026-02-14"],
  ] as const)("after a figure for the period ending %s (every %d months) the next is due by %s", (end, cadence, due) =>
    expect(nextReleaseDue(end, cadence, 45)).toBe(due),
  );

  it("raises stale once the next release is overdue, and names the figure it waits after", () => {
    const monthly = series([month(2025, 4, 1), month(2025, 5, 1)]);
    expect(staleAlert(monthly, "2025-08-14", DEFAULT_THRESHOLDS)).toBeNull();
    expect(staleAlert(monthly, "2025-08-20", DEFAULT_THRESHOLDS)).toMatchObject({
      key: "stale:synthetic-a:synthetic_trade:period:2025-05-31",
      since: "2025-08-14",
      magnitude: 6,
    });
    expect(staleAlert(series([month(2025, 1, 1)]), "2026-01-01", DEFAULT_THRESHOLDS)).toBeNull();
    expect(staleAlert(series([ytd(2024, 9, 1), ytd(2025, 9, 1)], "ytd"), "2026-12-01", DEFAULT_THRESHOLDS)).toBeNull();
  });

  it("is not overdue while a figure on any basis covers a later period (Wuhu Port: years to 2023, then Q1 2024)", () => {
    const yearly = {
      ...series([
        { start: "2022-01-01", end: "2022-12-31", value: 1 },
        { start: "2023-01-01", end: "2023-12-31", value: 2 },
      ]),
    };
    // Due after 2024 ends plus 45 days: overdue by late 2026 when nothing newer exists…
    expect(staleAlert({ ...yearly, newestEnd: "2023-12-31" }, "2026-12-01", DEFAULT_THRESHOLDS)).toMatchObject({ since: "2025-02-14" });
    // …and not when the zone published a Q1 2024 figure of the same indicator.
    expect(staleAlert({ ...yearly, newestEnd: "2024-03-31" }, "2026-12-01", DEFAULT_THRESHOLDS)).toBeNull();
  });

  it("keys plausibility alerts by the figure and the warning", () => {
    const alert = plausibilityAlert({
      zone: "z",
      indicator: "i",
      basis: "period",
      start: "2025-06-01",
      end: "2025-06-30",
      value: 1e12,
      warning: "magnitude",
      neighbourEnd: "2025-05-31",
      neighbourValue: 1e8,
    });
    expect(alert).toMatchObject({ key: "plausibility:magnitude:z:i:period:2025-06-01:2025-06-30", magnitude: 4 });
  });

  it("never stores or sends the same situation twice", () => {
    const a = staleAlert(series([month(2025, 4, 1), month(2025, 5, 1)]), "2025-09-01", DEFAULT_THRESHOLDS);
    const b = yoyFallAlert(series([month(2024, 6, 100), month(2025, 6, 50)]), DEFAULT_THRESHOLDS);
    if (!a || !b) throw new Error("expected two alerts");
    expect(uniqueByKey([a, a, b]).map((f) => f.key)).toEqual([a.key, b.key]);

    const first = reconcileAlerts([], [a, a, b]);
    expect(first.insert.map((f) => f.key)).toEqual([a.key, b.key]);
    const again = reconcileAlerts(
      [
        { key: a.key, resolved: false, notified: true },
        { key: b.key, resolved: false, notified: true },
      ],
      [a, b],
    );
    expect(again.insert).toEqual([]);
    expect(again.resolve).toEqual([]);
    const gone = reconcileAlerts(
      [
        { key: a.key, resolved: false, notified: true },
        { key: b.key, resolved: false, notified: true },
      ],
      [b],
    );
    expect(gone.resolve).toEqual([a.key]);
    const back = reconcileAlerts(
      [
        { key: a.key, resolved: true, notified: true },
        { key: b.key, resolved: false, notified: true },
      ],
      [a, b],
    );
    expect(back.insert).toEqual([]);
    expect(back.reopen).toEqual([a.key]);
  });
});
