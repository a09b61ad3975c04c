// Pages and the series API under load (issue 15, point 8): a fixed number of clients, each sending its next GET
// as soon as its last answer is read in full, for a fixed time, over kept-alive loopback connections. Bounded:
// a duration and a request cap per case, and only loopback addresses are ever asked.
import http from "node:http";
import { missPath } from "./http-bench.ts";
import { now, quantile } from "./stats.ts";

export type LoadCase = {
  name: string;
  path: string;
  concurrency: number;
  /** What the clients accepted (absent: gzip). */
  encoding?: "gzip" | "identity";
  seconds: number;
  requests: number;
  /** Answers per second over the case's wall time. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers with `x-ftz-cache: hit` / `miss`; the rest had no such header (the API, pages not kept). */
  hits: number;
  misses: number;
  /** Answers other than 200, and requests that failed outright. */
  errors: number;
};

export type LoadOptions = {
  name: string;
  base: string;
  /** More app instances to share the clients with `base` (client k asks instance k mod n), as a load balancer would. */
  more?: string[];
  /** The path of the i-th request: a fixed one, or a new query each time to measure misses. */
  path: string | ((i: number) => string);
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** What the clients accept: `gzip` as browsers do (the default), or `identity` to see what compression costs. */
  encoding?: "gzip" | "identity";
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function assertLoopback(base: string): void {
  const host = new URL(base).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`the load benchmark only asks this machine (loopback), not ${host}`);
}

function get(agent: http.Agent, url: URL, encoding: string): Promise<{ status: number; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: "text/html,application/json", "accept-encoding": encoding } }, (response) => {
      response.on("data", () => undefined);
      response.on("end", () => {
        const cache = response.headers["x-ftz-cache"];
        resolve({ status: response.statusCode ?? 0, cache: Array.isArray(cache) ? cache[0] : cache });
      });
      response.on("error", reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error("no answer within 30 s")));
    request.on("error", reject);
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadCase> {
  const bases = [o.base, ...(o.more ?? [])];
  bases.forEach(assertLoopback);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const at = (i: number, base = o.base) => new URL(typeof o.path === "string" ? o.path : o.path(i), base);
  const latencies: number[] = [];
  let hits = 0;
  let misses = 0;
  let errors = 0;
  let sent = 0;
  const started = now();
  const deadline = started + o.durationMs;
  const client = async (_: unknown, k: number) => {
    const base = bases[k % bases.length] ?? o.base;
    while (now() < deadline && sent < o.maxRequests) {
      const url = at(sent, base);
      sent += 1;
      const t = now();
      try {
        const { status, cache } = await get(agent, url, o.encoding ?? "gzip");
        latencies.push(now() - t);
        if (status !== 200) errors += 1;
        if (cache === "hit") hits += 1;
        else if (cache === "miss") misses += 1;
      } catch {
        errors += 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, client));
  } finally {
    agent.destroy();
  }
  const seconds = (now() - started) / 1000;
  return {
    name: o.name,
    path: typeof o.path === "string" ? o.path : at(0).pathname + at(0).search,
    concurrency: o.concurrency,
    encoding: o.encoding ?? "gzip",
    seconds,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    hits,
    misses,
    errors,
  };
}

/**
 * The load cases: `/` and a compare view as visitors ask for them (the first request renders, the rest are
 * kept pages while the data stays), `/` by clients that do not accept gzip, `/` with a new query on every request (every one a miss: what a page
 * costs under load without the cache), and the series API beside them.
 */
export async function benchLoad(
  base: string,
  paths: { compare: string; series: string },
  options: { concurrency: number; seconds: number; log: (line: string) => void },
): Promise<LoadCase[]> {
  const run = (name: string, path: LoadOptions["path"], encoding?: LoadOptions["encoding"]) => {
    options.log(`  ${name}: ${options.concurrency} clients for ${options.seconds} s …`);
    return runLoad({
      name,
      base,
      path,
      concurrency: options.concurrency,
      durationMs: options.seconds * 1000,
      maxRequests: 200_000,
      encoding,
    });
  };
  const out: LoadCase[] = [];
  out.push(await run("/ (kept pages)", "/"));
  // The server compresses every answer, kept or not (Next.js drops a Content-Encoding the proxy sets): this case
  // shows what that costs.
  out.push(await run("/ (kept pages, not compressed)", "/", "identity"));
  out.push(await run("/compare view (kept pages)", paths.compare));
  out.push(await run("/ (every request a miss)", (i) => missPath("/", i)));
  out.push(await run("/api/series", paths.series));
  return out;
}
