-- The index review of issue 18, its last undecided index. observations_zone_idx (zone_id, period_end)
-- served the queries by zone across indicators: a zone's page (WHERE zone_id = ANY(…) ORDER BY
-- period_end, period_start) and the figure counts of /zones and /china. The identity key begins with
-- zone_id too and serves both: with this index dropped, EXPLAIN ANALYZE on 1M rows showed the zone page
-- reading the identity key (2.7–4.7 ms against 4.6–12 ms with this index, the sort of a few thousand
-- rows in memory either way) and the counts as index-only scans of the identity key (468–792 ms against
-- 1,149–1,295 ms). It added only (zone, period end) order, which no query needs; each import paid for it
-- on every row.

-- DropIndex
DROP INDEX "observations_zone_idx";
