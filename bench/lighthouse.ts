// Lighthouse (12, desktop preset) performance and accessibility scores of pages, in Chromium
// (CHROME_PATH, default /usr/bin/chromium), through the lighthouse CLI: each run is its own process and browser.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium.ts";
import { median } from "./stats.ts";

export type LighthouseRun = { performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number };
export type LighthouseCase = LighthouseRun & { path: string; runs: LighthouseRun[]; failedAudits: string[] };

type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string }>;
  runtimeError?: { message: string };
};

function runCli(url: string, outFile: string): Promise<void> {
  const cli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");
  const args = [
    cli,
    url,
    "--output=json",
    `--output-path=${outFile}`,
    "--preset=desktop",
    "--only-categories=performance,accessibility",
    `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
    "--quiet",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromiumPath() },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code} for ${url}: ${errors}`))));
  });
}

export async function lighthouse(base: string, pagePath: string, runs: number): Promise<LighthouseCase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ftz-lighthouse-"));
  const results: LighthouseRun[] = [];
  const failed = new Set<string>();
  try {
    for (let i = 0; i < runs; i += 1) {
      const file = path.join(dir, `run-${i}.json`);
      await runCli(`${base}${pagePath}`, file);
      const report = JSON.parse(fs.readFileSync(file, "utf8")) as Report;
      if (report.runtimeError) throw new Error(`Lighthouse could not audit ${pagePath}: ${report.runtimeError.message}`);
      const numeric = (id: string) => report.audits[id]?.numericValue ?? NaN;
      results.push({
        performance: Math.round((report.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
        fcpMs: numeric("first-contentful-paint"),
        lcpMs: numeric("largest-contentful-paint"),
        tbtMs: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
      });
      // What cost points: weighted audits that did not pass.
      for (const category of ["performance", "accessibility"]) {
        for (const ref of report.categories[category]?.auditRefs ?? []) {
          const audit = report.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) failed.add(`${category}: ${audit.title}`);
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const mid = (key: keyof LighthouseRun) => median(results.map((r) => r[key]));
  return {
    path: pagePath,
    performance: mid("performance"),
    accessibility: mid("accessibility"),
    fcpMs: mid("fcpMs"),
    lcpMs: mid("lcpMs"),
    tbtMs: mid("tbtMs"),
    cls: mid("cls"),
    runs: results,
    failedAudits: [...failed],
  };
}
