-- The index review of issue 18: every index of observations must serve a query the benchmark or a page
-- runs. observations_source_id_idx serves none: every query joins observations to sources through
-- sources.id, none looks observations up by source, nothing deletes a source, and the foreign key it
-- backed went in 20261202100000_observation_load. Each import paid for it on every row.

-- DropIndex
DROP INDEX "observations_source_id_idx";
