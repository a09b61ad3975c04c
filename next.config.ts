import type { NextConfig } from "next";
import { EnvError, parseEnv } from "./lib/env.ts";

// Fail fast on a bad environment, naming the variable, before anything else starts.
try {
  parseEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`\nftz-monitor cannot start. ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly through `new URL(…, import.meta.url)`: it must not be bundled.
  // Export libraries read their own data files and WebAssembly at run time: load them from node_modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "exceljs",
    "pdfkit",
    "svg-to-pdfkit",
    "fontkit",
    "subset-font",
    "@resvg/resvg-wasm",
  ],
  poweredByHeader: false,
  // The build checks the app's own code; `npm run typecheck` checks everything, tests and scripts too.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  reactStrictMode: true,
};

export default nextConfig;
