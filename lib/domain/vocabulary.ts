// The product's words, each defined once: the kinds of zone, indicator, basis, qualifier, status, event
// and alert that the database, the data format, the API and the pages share. Each list equals the
// Prisma enum of the same name (tests/unit/vocabulary.test.ts holds them together). Pure.

/** Where a figure belongs: a country, a province, a pilot FTZ, one of its areas, a port, a city, a group of zones. */
export const ZONE_KINDS = ["country", "province", "ftz", "area", "port", "city", "group"] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** What an indicator measures over time: a flow adds up, a stock is a level, a rate is a percentage. */
export const INDICATOR_KINDS = ["flow", "stock", "rate"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** The units figures are stored in; a published unit is one of these times a power of ten. */
export const BASE_UNITS = ["count", "CNY", "USD", "t", "TEU", "km2", "percent"] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];

/** How long a period is, as written: a year, a half, a quarter, a month, a day, or an interval between dates. */
export const GRANULARITIES = ["year", "half", "quarter", "month", "day", "interval"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** What a value over a period means: that stretch, January to its end, since the zone's launch, or a level on its last day. */
export const BASES = ["period", "ytd", "cumulative", "point"] as const;
export type Basis = (typeof BASES)[number];

/** How exact a published figure is: as stated, a lower bound (超, 突破), an upper bound (不到), or approximate (约). */
export const QUALIFIERS = ["exact", "at_least", "at_most", "approx"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Whether a figure stands: confirmed, contradicted by another source, or published but not yet checked. */
export const STATUSES = ["ok", "disputed", "unverified"] as const;
export type Status = (typeof STATUSES)[number];

/** Dated notes on a zone. */
export const EVENT_KINDS = ["inauguration", "expansion", "policy", "innovation", "agreement", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How precisely an event's date is known. */
export const DATE_PRECISIONS = ["year", "month", "day"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** What an alert reports: behind the pro-rated target, a year-on-year fall, an overdue release, an implausible figure. */
export const ALERT_KINDS = ["behind", "yoy_fall", "stale", "plausibility"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
