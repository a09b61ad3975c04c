-- Issue 18: the importer loads the rows of series new to the database straight into observations with
-- COPY, instead of COPY into a staging table and an INSERT … SELECT from it. Its temporary log of every
-- staged row's identity and file row (import_rows) went with the staging step: the file row now stays
-- on the figure it wrote. It names the earlier row when a later one gives the same figure with a
-- different value, and the rows of plausibility warnings; it also tells a reader which row of which
-- import last wrote a figure (NULL for figures written before this column).

-- AlterTable
ALTER TABLE "observations" ADD COLUMN "import_row" INTEGER;
