// Prisma CLI configuration. Only `prisma generate` runs here (the migrate engine is not available offline);
// migrations are applied by lib/db/migrate.ts. The URL is read only by CLI commands that need one.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/ftz_monitor" },
});
