-- Alerts found in the data (issue: monitoring). One row per situation, by key; resolved when the data
-- no longer shows it, acknowledged by an admin, notified once through the webhook.

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('behind', 'yoy_fall', 'stale', 'plausibility');

-- CreateTable
CREATE TABLE "alerts" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "zone_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "basis" "Basis",
    "magnitude" DOUBLE PRECISION NOT NULL,
    "since" DATE NOT NULL,
    "details" JSONB NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "notified_at" TIMESTAMPTZ(3),

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alerts_key_key" ON "alerts"("key");

-- CreateIndex
CREATE INDEX "alerts_resolved_at_kind_idx" ON "alerts"("resolved_at", "kind");

-- CreateIndex
CREATE INDEX "alerts_zone_id_idx" ON "alerts"("zone_id");

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;
