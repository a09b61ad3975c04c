import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// lib's dependency order (README, "Architecture"): each layer imports only the ones before it.
//   base: domain (pure), errors, env, memo, http  →  edge: validation, i18n  →  db  →
//   services: import → export → events, alerts; auth; extract  →  bootstrap  →  app, components
const BASE = ["lib/domain", "lib/errors.ts", "lib/availability.ts", "lib/env.ts", "lib/memo.ts", "lib/http.ts"];
const EDGE = ["lib/validation", "lib/i18n"];
// View models: pure, from domain, validation and i18n to what a page renders.
const VIEWS = ["lib/views"];
const SERVICES = ["lib/import", "lib/export", "lib/events", "lib/alerts", "lib/auth", "lib/extract"];
const ABOVE_DB = [...SERVICES, "lib/bootstrap.ts", "app", "components"];
const layer = (targets, from, message) => targets.map((target) => ({ target, from, message }));
const LIB_ORDER = [
  ...layer(
    BASE,
    [...EDGE, ...VIEWS, "lib/db", ...ABOVE_DB],
    "Base modules (lib/domain, errors, env, memo, http) import nothing above them.",
  ),
  ...layer(EDGE, [...VIEWS, "lib/db", ...ABOVE_DB], "Validation and i18n sit below the database and the services."),
  ...layer(VIEWS, ["lib/db", ...ABOVE_DB], "View models are pure: they take what lib/db read and never query."),
  ...layer(["lib/db"], ABOVE_DB, "lib/db is below the services: move the caller up, or the shared piece down."),
  ...layer(
    ["lib/import"],
    ["lib/export", "lib/events", "lib/alerts", "lib/auth", "lib/extract", "lib/bootstrap.ts", "app", "components"],
    "The importer is the lowest service: it tells its caller what it committed.",
  ),
  ...layer(
    ["lib/export"],
    ["lib/import", "lib/events", "lib/alerts", "lib/bootstrap.ts", "app", "components"],
    "Exports turn data into files; they call no other service.",
  ),
  ...layer(
    ["lib/events"],
    ["lib/export", "lib/alerts", "lib/bootstrap.ts", "app", "components"],
    "Events may use the importer's checks, nothing above.",
  ),
  ...layer(
    ["lib/alerts"],
    ["lib/events", "lib/bootstrap.ts", "app", "components"],
    "Alerts may use the importer and exports, nothing above.",
  ),
  ...layer(["lib/auth", "lib/extract"], ["lib/bootstrap.ts", "app", "components"], "Services never import the bootstrap or the app."),
  ...layer(["lib/bootstrap.ts"], ["app", "components"], "The bootstrap is the top of lib."),
  ...layer(["components"], ["app", "lib/bootstrap.ts", "lib/db"], "Components take plain data as props; query in app/ and pass it down."),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: LIB_ORDER }],
    },
  },
  {
    // Domain code is pure: no database, framework or I/O.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/*", "**/db/*", "next", "next/*", "react", "node:fs", "node:fs/*", "@prisma/*"],
              message: "lib/domain is pure.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "lib/db/generated/**", ".data/**", "bench/results/**", "coverage/**"]),
]);
