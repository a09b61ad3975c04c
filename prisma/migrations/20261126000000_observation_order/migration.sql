-- The data explorer lists every figure newest first (period end, then id): an index in that order
-- lets it read one page without sorting the whole table.

-- CreateIndex
CREATE INDEX "observations_period_end_id_idx" ON "observations"("period_end", "id");
