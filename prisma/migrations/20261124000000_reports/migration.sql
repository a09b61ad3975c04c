-- Saved reports (issue: export for reports). Anyone may save one; changing it needs its edit key
-- (kept, hashed, in edit_key_hash; the browser that saved it holds the key) or an admin.

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "items" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "edit_key_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reports_updated_at_idx" ON "reports"("updated_at");
