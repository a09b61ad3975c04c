// Alerts, kept current: found in the data after every import (and when the clock makes a release
// overdue), stored one per situation, acknowledged by an admin, and sent once to a webhook.
import type { Indicator, Zone } from "../domain/catalog.ts";
import { toIsoDate, type IsoDate } from "../domain/dates.ts";
import {
  behindAlert,
  plausibilityAlert,
  reconcileAlerts,
  staleAlert,
  uniqueByKey,
  yoyFallAlert,
  type AlertFinding,
  type AlertThresholds,
} from "../domain/alerts.ts";
import { implausibleFigures, latestSeriesFigures, loadProgress } from "../db/queries/monitor.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { alertKind, int } from "../db/columns.ts";
import { rawExecute, rawQuery } from "../db/raw.ts";
import { z } from "zod";
import { getEnv } from "../env.ts";
import { postWithRetries, type WebhookOptions } from "./webhook.ts";
import type { AlertKind } from "../domain/vocabulary.ts";

export type MonitorConfig = { tolerance: number; thresholds: AlertThresholds; webhookUrl?: string | undefined };

export function monitorConfig(): MonitorConfig {
  return getEnv().monitor;
}

/** Every alert the data shows on `today`. */
export async function findAlerts(prisma: PrismaClient, today: IsoDate, config: MonitorConfig): Promise<AlertFinding[]> {
  const year = Number(today.slice(0, 4));
  const progress = (await loadProgress(prisma, { today, tolerance: config.tolerance })).filter((row) => row.year <= year);
  const findings: (AlertFinding | null)[] = [
    ...progress.map((row) => behindAlert(row.zone.code, row.indicator.code, row.year, row.progress, config.thresholds)),
  ];
  for (const series of await latestSeriesFigures(prisma)) {
    findings.push(yoyFallAlert(series, config.thresholds), staleAlert(series, today, config.thresholds));
  }
  for (const figure of await implausibleFigures(prisma)) findings.push(plausibilityAlert(figure));
  return uniqueByKey(findings.filter((f): f is AlertFinding => f !== null));
}

export type RefreshResult = { found: number; inserted: string[]; resolved: string[]; reopened: string[] };

let running: Promise<unknown> = Promise.resolve();
let lastRefresh = 0;

/** One refresh at a time in this process; across processes the unique key keeps alerts single. */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = running.then(work, work);
  running = next.catch(() => undefined);
  return next;
}

/** Finds the alerts and brings the stored ones up to date. */
export function refreshAlerts(prisma: PrismaClient, options: { today?: IsoDate; config?: MonitorConfig } = {}): Promise<RefreshResult> {
  return serialised(async () => {
    const today = options.today ?? toIsoDate(new Date());
    const config = options.config ?? monitorConfig();
    const findings = await findAlerts(prisma, today, config);
    const stored = await prisma.alert.findMany({ select: { key: true, resolvedAt: true, notifiedAt: true } });
    const plan = reconcileAlerts(
      stored.map((a) => ({ key: a.key, resolved: a.resolvedAt !== null, notified: a.notifiedAt !== null })),
      findings,
    );
    const ids = await zoneAndIndicatorIds(prisma);
    const columns = (list: readonly AlertFinding[]) => ({
      keys: list.map((f) => f.key),
      magnitudes: list.map((f) => f.magnitude),
      since: list.map((f) => f.since),
      details: list.map((f) => JSON.stringify(f.details)),
    });
    // Two statements whatever the number of alerts: new ones inserted (a key another process inserted
    // meanwhile is skipped), the ones found again brought up to date.
    const inserted = plan.insert.length
      ? (
          await rawQuery(
            prisma,
            "alerts.insert",
            `INSERT INTO alerts (key, magnitude, since, details, kind, zone_id, indicator_id, basis)
             SELECT k, m, s, d::jsonb, kd::"AlertKind", z, i, b::"Basis"
               FROM unnest({{keys}}::text[], {{magnitudes}}::float8[], {{since}}::date[], {{details}}::text[], {{kinds}}::text[],
                           {{zones}}::int[], {{indicators}}::int[], {{bases}}::text[]) AS t(k, m, s, d, kd, z, i, b)
             ON CONFLICT (key) DO NOTHING
             RETURNING key`,
            z.object({ key: z.string() }),
            {
              ...columns(plan.insert),
              kinds: plan.insert.map((f) => f.kind),
              zones: plan.insert.map((f) => ids.zones.get(f.zone) ?? 0),
              indicators: plan.insert.map((f) => ids.indicators.get(f.indicator) ?? 0),
              bases: plan.insert.map((f) => f.basis),
            },
          )
        ).map((r) => r.key)
      : [];
    if (plan.keep.length)
      await rawExecute(
        prisma,
        "alerts.keep",
        `UPDATE alerts a SET magnitude = t.m, since = t.s, details = t.d::jsonb, last_seen_at = now(), resolved_at = NULL
           FROM unnest({{keys}}::text[], {{magnitudes}}::float8[], {{since}}::date[], {{details}}::text[]) AS t(k, m, s, d)
          WHERE a.key = t.k`,
        columns(plan.keep),
      );
    const now = new Date();
    if (plan.resolve.length) await prisma.alert.updateMany({ where: { key: { in: plan.resolve } }, data: { resolvedAt: now } });
    lastRefresh = Date.now();
    return { found: findings.length, inserted, resolved: plan.resolve, reopened: plan.reopen };
  });
}

/**
 * Starts a refresh when the last one in this process is older than an hour (overdue releases age with
 * the clock). Never waits for it: a page shows the stored alerts at once, the next one the refreshed.
 */
/** Refreshes the alerts when the last refresh is over an hour old; run it after the response (`after()`). */
export async function refreshIfOld(prisma: PrismaClient): Promise<void> {
  if (Date.now() - lastRefresh <= 3_600_000) return;
  lastRefresh = Date.now();
  await refreshAlerts(prisma).catch((error: unknown) => console.error("ftz-monitor: refreshing alerts failed:", error));
}

async function zoneAndIndicatorIds(prisma: PrismaClient) {
  const [zones, indicators] = await Promise.all([
    prisma.zone.findMany({ select: { id: true, code: true } }),
    prisma.indicator.findMany({ select: { id: true, code: true } }),
  ]);
  return { zones: new Map(zones.map((z) => [z.code, z.id])), indicators: new Map(indicators.map((i) => [i.code, i.id])) };
}

export type AlertView = {
  id: number;
  key: string;
  kind: AlertKind;
  zone: Pick<Zone, "code" | "nameEn" | "nameZh">;
  indicator: Pick<Indicator, "code" | "nameEn" | "nameZh" | "unit">;
  basis: string | null;
  magnitude: number;
  since: IsoDate;
  details: Record<string, string | number | null>;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  notifiedAt: string | null;
};

export type AlertFilter = { state?: "open" | "acknowledged" | "resolved" | "all"; kind?: AlertKind; zone?: string };

const KIND_ORDER: AlertKind[] = ["behind", "yoy_fall", "plausibility", "stale"];

/** Stored alerts, most pressing first: behind, falls, implausible figures, overdue releases; newest first within. */
export async function listAlerts(prisma: PrismaClient, filter: AlertFilter = {}, limit?: number): Promise<AlertView[]> {
  const state = filter.state ?? "open";
  const where = {
    ...(state === "open" ? { resolvedAt: null, acknowledgedAt: null } : {}),
    ...(state === "acknowledged" ? { resolvedAt: null, acknowledgedAt: { not: null } } : {}),
    ...(state === "resolved" ? { resolvedAt: { not: null } } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.zone ? { zone: { code: filter.zone } } : {}),
  };
  // The first `limit` in that order are chosen by the database, so a page showing a few of thousands reads a few.
  const ids = limit === undefined ? undefined : await firstAlertIds(prisma, state, filter, limit);
  const rows = await prisma.alert.findMany({ where: ids ? { id: { in: ids } } : where, include: { zone: true, indicator: true } });
  return rows
    .map((a) => ({
      id: a.id,
      key: a.key,
      kind: a.kind as AlertKind,
      zone: { code: a.zone.code, nameEn: a.zone.nameEn, nameZh: a.zone.nameZh },
      indicator: { code: a.indicator.code, nameEn: a.indicator.nameEn, nameZh: a.indicator.nameZh, unit: a.indicator.unit },
      basis: a.basis,
      magnitude: a.magnitude,
      since: toIsoDate(a.since),
      details: a.details as Record<string, string | number | null>,
      firstSeenAt: a.firstSeenAt.toISOString(),
      lastSeenAt: a.lastSeenAt.toISOString(),
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: a.acknowledgedBy,
      notifiedAt: a.notifiedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.since.localeCompare(a.since) || a.id - b.id);
}

const STATE_SQL: Record<NonNullable<AlertFilter["state"]>, string> = {
  open: "a.resolved_at IS NULL AND a.acknowledged_at IS NULL",
  acknowledged: "a.resolved_at IS NULL AND a.acknowledged_at IS NOT NULL",
  resolved: "a.resolved_at IS NOT NULL",
  all: "TRUE",
};

async function firstAlertIds(
  prisma: PrismaClient,
  state: NonNullable<AlertFilter["state"]>,
  filter: AlertFilter,
  limit: number,
): Promise<number[]> {
  const rows = await rawQuery(
    prisma,
    "alerts.first-ids",
    `SELECT a.id FROM alerts a JOIN zones z ON z.id = a.zone_id
      WHERE ${STATE_SQL[state]} AND ({{kind}}::text IS NULL OR a.kind::text = {{kind}}) AND ({{zone}}::text IS NULL OR z.code = {{zone}})
      ORDER BY array_position({{order}}::text[], a.kind::text), a.since DESC, a.id
      LIMIT {{limit}}`,
    z.object({ id: int }),
    { kind: filter.kind ?? null, zone: filter.zone ?? null, order: KIND_ORDER, limit },
  );
  return rows.map((r) => r.id);
}

export type AlertCounts = Record<"open" | "acknowledged", { total: number; byKind: Partial<Record<AlertKind, number>> }>;

/** How many open and acknowledged alerts there are, of each kind. */
export async function countAlerts(prisma: PrismaClient): Promise<AlertCounts> {
  const rows = await rawQuery(
    prisma,
    "alerts.counts",
    `SELECT CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END AS state, kind::text AS kind, count(*)::int AS n
       FROM alerts WHERE resolved_at IS NULL GROUP BY 1, 2`,
    z.object({ state: z.enum(["open", "acknowledged"]), kind: alertKind, n: int }),
  );
  const counts: AlertCounts = { open: { total: 0, byKind: {} }, acknowledged: { total: 0, byKind: {} } };
  for (const { state, kind, n } of rows) {
    counts[state].total += n;
    counts[state].byKind[kind] = n;
  }
  return counts;
}

/** Marks an alert as seen by an admin. False when there is no such alert. */
export async function acknowledgeAlert(prisma: PrismaClient, id: number, actor: string): Promise<boolean> {
  const result = await prisma.alert.updateMany({
    where: { id, acknowledgedAt: null },
    data: { acknowledgedAt: new Date(), acknowledgedBy: actor },
  });
  if (result.count > 0) return true;
  return (await prisma.alert.count({ where: { id } })) > 0;
}

/**
 * Sends every open alert not sent yet to the webhook, one POST each. An alert is claimed before it is
 * sent (so two processes never both send it) and released when every attempt failed, to be sent after
 * the next refresh. Returns the keys sent.
 */
export async function notifyAlerts(prisma: PrismaClient, url: string, options: Partial<WebhookOptions> = {}): Promise<string[]> {
  const pending = await prisma.alert.findMany({
    where: { notifiedAt: null, resolvedAt: null, acknowledgedAt: null },
    include: { zone: true, indicator: true },
    orderBy: { id: "asc" },
  });
  const sent: string[] = [];
  for (const alert of pending) {
    const claimed = await prisma.alert.updateMany({ where: { id: alert.id, notifiedAt: null }, data: { notifiedAt: new Date() } });
    if (claimed.count === 0) continue;
    const payload = {
      event: "alert.opened",
      alert: {
        id: alert.id,
        key: alert.key,
        kind: alert.kind,
        zone: alert.zone.code,
        zoneName: { en: alert.zone.nameEn, zh: alert.zone.nameZh },
        indicator: alert.indicator.code,
        indicatorName: { en: alert.indicator.nameEn, zh: alert.indicator.nameZh },
        unit: alert.indicator.unit,
        basis: alert.basis,
        magnitude: alert.magnitude,
        since: toIsoDate(alert.since),
        details: alert.details,
        firstSeenAt: alert.firstSeenAt.toISOString(),
      },
    };
    const ok = await postWithRetries(url, payload, options);
    if (ok) sent.push(alert.key);
    else await prisma.alert.updateMany({ where: { id: alert.id }, data: { notifiedAt: null } });
  }
  return sent;
}

/** After an import: refresh, then send what is new in the background (an import never waits on a webhook). */
export async function afterDataChange(prisma: PrismaClient): Promise<void> {
  await refreshAlerts(prisma);
  const url = monitorConfig().webhookUrl;
  if (url)
    void notifyAlerts(prisma, url).catch((error: unknown) => console.error("ftz-monitor: sending alerts to the webhook failed:", error));
}

/** The year monitoring shows: the one asked for, else this year when it has targets, else the latest with targets. */
export function monitorYear(years: readonly number[], today: IsoDate, requested?: number): number {
  const current = Number(today.slice(0, 4));
  if (requested !== undefined) return requested;
  return years.includes(current) ? current : (years[0] ?? current);
}
