// Starts the app as a user does (`node scripts/start.mjs`: build when needed, then the server, scripts/serve.mjs) in the
// project folder, against the benchmark database, and stops it (its whole process group) afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type AppServer = {
  url: string;
  /** Peak resident memory of the server process (scripts/serve.mjs) so far (VmHWM), in MB; undefined when not readable. */
  peakRssMb: () => number | undefined;
  stop: () => Promise<void>;
};

/** The child processes of `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function vmHwmMb(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function startApp(options: {
  root: string;
  databaseUrl: string;
  port: number;
  logFile: string;
  timeoutMs?: number;
  /** More settings (DATABASE_READ_URL). */
  env?: Record<string, string>;
  log: (line: string) => void;
}): Promise<AppServer> {
  const { root, port } = options;
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const logStream = fs.createWriteStream(options.logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    FTZ_SEED: "false",
    PORT: String(port),
    ...options.env,
  };
  delete env.FTZ_ADMIN_TOKEN;
  delete env.ALERT_WEBHOOK_URL;
  if (!options.env?.DATABASE_READ_URL) delete env.DATABASE_READ_URL;
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    logStream.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // Our own process group (detached above): start.mjs and the next server it spawned.
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    logStream.end();
  };
  const serverPid = () => {
    // start.mjs → serve.mjs (the server); the deepest node process holds the heap.
    let pid = child.pid;
    for (let depth = 0; pid !== undefined && depth < 3; depth += 1) {
      const next = childrenOf(pid)[0];
      if (next === undefined) break;
      pid = next;
    }
    return pid;
  };

  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  let announcedBuild = false;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The app exited with code ${child.exitCode}; see ${options.logFile}:\n${output.slice(-3000)}`);
    if (!announcedBuild && output.includes("building")) {
      options.log("  building the app (scripts/start.mjs) …");
      announcedBuild = true;
    }
    try {
      const response = await fetch(`${url}/api/indicators`, { signal: AbortSignal.timeout(120_000) });
      await response.arrayBuffer();
      if (response.ok && /database ready/.test(output)) {
        return { url, stop, peakRssMb: () => (serverPid() ? vmHwmMb(serverPid()!) : undefined) };
      }
      if (/database is not available/.test(output)) throw new Error(`The app cannot use the database; see ${options.logFile}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("The app cannot")) {
        await stop();
        throw error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error(`The app did not answer on ${url} in time; see ${options.logFile}`);
}
