// npm run bench:data -- --observations 1000000 [--seed 42] [--out bench/data/pkg]
// Writes a synthetic data package (zones.csv, indicators.csv, observations.csv) for benchmarks; load it
// with `npm run import -- bench/data/pkg` or let `npm run bench` do it. Never part of the seed.
import path from "node:path";
import { parseCount } from "../bench/args.ts";
import { writeSyntheticPackage } from "../bench/synthetic.ts";

const USAGE = "Usage: npm run bench:data -- --observations N [--seed 42] [--out bench/data/pkg]";

function parseArgs(argv: string[]): { observations: number; seed: number; out: string } {
  const args = { observations: 1_000_000, seed: 42, out: "bench/data/pkg" };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value. ${USAGE}`);
      return next;
    };
    if (arg === "--observations" || arg === "-n") args.observations = parseCount(value(), arg);
    else if (arg === "--seed") args.seed = parseCount(value(), arg, 0);
    else if (arg === "--out") args.out = value();
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}. ${USAGE}`);
  }
  return args;
}

try {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const outDir = path.resolve(args.out);
  const manifest = await writeSyntheticPackage({
    observations: args.observations,
    seed: args.seed,
    outDir,
    onProgress: (rows) => process.stderr.write(`\r  observations: ${rows.toLocaleString("en")} rows   `),
  });
  process.stderr.write("\n");
  const mb = (manifest.files["observations.csv"] ?? 0) / 1024 / 1024;
  console.log(
    `Wrote ${manifest.observations.toLocaleString("en")} observations for ${manifest.zones} synthetic zones (seed ${manifest.seed}) ` +
      `to ${path.relative(process.cwd(), outDir) || "."} (observations.csv ${mb.toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
