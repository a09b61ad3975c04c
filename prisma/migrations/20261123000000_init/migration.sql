-- ftz-monitor: initial schema. Hand-written to match prisma/schema.prisma
-- (tests/integration/schema-drift.test.ts compares the two).

-- CreateEnum
CREATE TYPE "ZoneKind" AS ENUM ('country', 'province', 'ftz', 'area', 'port', 'city', 'group');
CREATE TYPE "BaseUnit" AS ENUM ('count', 'CNY', 'USD', 't', 'TEU', 'km2', 'percent');
CREATE TYPE "IndicatorKind" AS ENUM ('flow', 'stock', 'rate');
CREATE TYPE "Granularity" AS ENUM ('year', 'half', 'quarter', 'month', 'day', 'interval');
CREATE TYPE "Basis" AS ENUM ('period', 'ytd', 'cumulative', 'point');
CREATE TYPE "Qualifier" AS ENUM ('exact', 'at_least', 'at_most', 'approx');
CREATE TYPE "ObservationStatus" AS ENUM ('ok', 'disputed', 'unverified');
CREATE TYPE "EventKind" AS ENUM ('inauguration', 'expansion', 'policy', 'innovation', 'agreement', 'other');
CREATE TYPE "DatePrecision" AS ENUM ('year', 'month', 'day');

-- CreateTable
CREATE TABLE "zones" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT,
    "kind" "ZoneKind" NOT NULL,
    "parent_id" INTEGER,
    "established_on" DATE,
    "area_km2" DOUBLE PRECISION,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "zones_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "indicators" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_zh" TEXT,
    "unit" "BaseUnit" NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "category" TEXT,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "published_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "observations" (
    "id" SERIAL NOT NULL,
    "zone_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "granularity" "Granularity" NOT NULL,
    "basis" "Basis" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "published_value" DOUBLE PRECISION NOT NULL,
    "published_unit" TEXT NOT NULL,
    "qualifier" "Qualifier" NOT NULL DEFAULT 'exact',
    "status" "ObservationStatus" NOT NULL DEFAULT 'ok',
    "source_id" INTEGER NOT NULL,
    "quote" TEXT,
    "note" TEXT,
    "import_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "observations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "observation_vintages" (
    "id" SERIAL NOT NULL,
    "observation_id" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "published_value" DOUBLE PRECISION NOT NULL,
    "published_unit" TEXT NOT NULL,
    "qualifier" "Qualifier" NOT NULL,
    "status" "ObservationStatus" NOT NULL,
    "source_id" INTEGER NOT NULL,
    "quote" TEXT,
    "note" TEXT,
    "import_id" INTEGER,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "superseded_at" TIMESTAMPTZ(3) NOT NULL,
    "superseded_by_import_id" INTEGER,

    CONSTRAINT "observation_vintages_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "zone_id" INTEGER NOT NULL,
    "occurred_on" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL DEFAULT 'day',
    "kind" "EventKind" NOT NULL,
    "category" TEXT,
    "title_en" TEXT NOT NULL,
    "title_zh" TEXT,
    "description" TEXT,
    "source_id" INTEGER,
    "quote" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "targets" (
    "id" SERIAL NOT NULL,
    "zone_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "published_value" DOUBLE PRECISION NOT NULL,
    "published_unit" TEXT NOT NULL,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "targets_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "imports" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "rows_new" INTEGER NOT NULL DEFAULT 0,
    "rows_revised" INTEGER NOT NULL DEFAULT 0,
    "rows_unchanged" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "zones_code_key" ON "zones"("code");
CREATE INDEX "zones_parent_id_idx" ON "zones"("parent_id");
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators"("code");
CREATE UNIQUE INDEX "sources_key_key" ON "sources"("key");
CREATE UNIQUE INDEX "observations_identity_key" ON "observations"("zone_id", "indicator_id", "basis", "period_start", "period_end");
CREATE INDEX "observations_series_idx" ON "observations"("indicator_id", "zone_id", "period_end");
CREATE INDEX "observations_zone_idx" ON "observations"("zone_id", "period_end");
CREATE INDEX "observations_source_id_idx" ON "observations"("source_id");
CREATE INDEX "observations_import_id_idx" ON "observations"("import_id");
CREATE INDEX "observation_vintages_observation_id_superseded_at_idx" ON "observation_vintages"("observation_id", "superseded_at");
CREATE INDEX "observation_vintages_superseded_by_import_id_idx" ON "observation_vintages"("superseded_by_import_id");
CREATE UNIQUE INDEX "events_identity_key" ON "events"("zone_id", "occurred_on", "title_en");
CREATE INDEX "events_occurred_on_idx" ON "events"("occurred_on");
CREATE UNIQUE INDEX "targets_identity_key" ON "targets"("zone_id", "indicator_id", "year");
CREATE INDEX "targets_indicator_id_idx" ON "targets"("indicator_id");
CREATE INDEX "imports_created_at_idx" ON "imports"("created_at");
CREATE INDEX "imports_checksum_idx" ON "imports"("checksum");

-- AddForeignKey
ALTER TABLE "zones" ADD CONSTRAINT "zones_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "zones"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "observations" ADD CONSTRAINT "observations_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zones"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "observations" ADD CONSTRAINT "observations_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "observation_vintages" ADD CONSTRAINT "observation_vintages_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "observations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "observation_vintages" ADD CONSTRAINT "observation_vintages_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "observation_vintages" ADD CONSTRAINT "observation_vintages_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "observation_vintages" ADD CONSTRAINT "observation_vintages_superseded_by_import_id_fkey" FOREIGN KEY ("superseded_by_import_id") REFERENCES "imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zones"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "events" ADD CONSTRAINT "events_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "targets" ADD CONSTRAINT "targets_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zones"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "targets" ADD CONSTRAINT "targets_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
