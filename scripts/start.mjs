#!/usr/bin/env node
// `npm start`: builds when the sources changed since the last build, then serves on $PORT (3000) with
// scripts/serve.mjs (Next.js's own request handler, as `next start` runs it).
// The server migrates and seeds the database as it starts (instrumentation.ts).
import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = process.cwd();
const nextBin = require.resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// What a build depends on. Migrations and seed data are read at run time, so they are not here.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
  "instrumentation.ts",
  "proxy.ts",
];

function walk(entry, hash) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full) || entry.startsWith(path.join("lib", "db", "generated"))) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) walk(path.join(entry, name), hash);
  } else {
    hash.update(`${entry}\u0000`);
    hash.update(fs.readFileSync(full));
  }
}

function sourceHash() {
  const hash = createHash("sha256");
  BUILD_INPUTS.forEach((entry) => walk(entry, hash));
  return hash.digest("hex");
}

function run(args, label) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\nftz-monitor: ${label} failed (exit code ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

if (!fs.existsSync(path.join(root, "lib/db/generated/client.ts"))) run(["scripts/generate.mjs"], "generating the Prisma client");

const stampFile = path.join(root, ".next", "ftz-build-stamp");
const hash = sourceHash();
const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || stamp !== hash) {
  console.log("ftz-monitor: building (the sources changed since the last build) …");
  run([nextBin, "build"], "the build");
  fs.writeFileSync(stampFile, hash);
}

const port = process.env.PORT || "3000";
// Next.js's request handler behind our own HTTP server (scripts/serve.mjs: kept pages go out compressed once).
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production", PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
