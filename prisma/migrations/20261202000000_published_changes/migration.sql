-- The data format's new optional columns: the year-on-year change as published with a figure (kept
-- with its vintages too), other names of zones and indicators (for finding figures in texts), and
-- whether an indicator is counted alike by every zone (institutional innovations are not).

-- AlterTable
ALTER TABLE "observations" ADD COLUMN "yoy_pct" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "observation_vintages" ADD COLUMN "yoy_pct" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "zones" ADD COLUMN "aliases" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "indicators" ADD COLUMN "aliases" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "comparable" BOOLEAN NOT NULL DEFAULT true;
