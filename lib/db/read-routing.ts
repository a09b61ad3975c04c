// Reads from PostgreSQL read replicas (DATABASE_READ_URL), under one Prisma client: a driver adapter in front of
// the primary's and the replicas' adapters. A statement outside a transaction that only reads (SELECT or WITH,
// nothing that writes or locks) goes to a replica; every other statement, every transaction (imports, their COPY
// connection) and every script to the primary. Call sites do not change.
//
// Reading one's own writes: after a write commits, the primary's WAL position (its LSN) is taken; a replica
// serves a read only when its replay position (pg_last_wal_replay_lsn()) has reached the highest position the
// read must see — this instance's last write, the request's floor (a session's last write, carried by a cookie
// from any instance; the version a cache is keyed by). Replay positions are cached and asked again at most every
// REPLAY_CHECK_MS, and only when a read needs a newer one. A statement that reads a version carries the position
// of the server that answered it in a READ_LSN_COLUMN column: the router raises the request's floor to it, so
// whatever is read under that version (a cached answer, a kept page) is at least as new as the version.
//
// Faults: a replica whose connection fails is left out (its read runs on the primary at once) and tried again in
// the background every RETRY_MS; while the primary is known to be down, reads go to the freshest replica whatever
// the floor (nothing newer can be read anywhere) and writes fail at once with the reason.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";
import { UnavailableError, connectionFailure } from "../errors.ts";
import { forward } from "./transaction-connection.ts";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type ResultSet = Awaited<ReturnType<Adapter["queryRaw"]>>;
type Factory = Pick<PrismaPg, "connect" | "provider" | "adapterName">;

/** A statement's own read position: the replay position on a replica, the WAL position on the primary. */
export const READ_POSITION_SQL =
  "(CASE WHEN pg_is_in_recovery() THEN coalesce(pg_last_wal_replay_lsn(), '0/0'::pg_lsn) ELSE pg_current_wal_lsn() END)::text";
/** The column name under which a version query reports READ_POSITION_SQL. */
export const READ_LSN_COLUMN = "ftz_read_lsn";

/** How stale a cached replay position may be before a read that needs a newer one asks again. */
export const REPLAY_CHECK_MS = 5;
/** How long a failed replica (or primary) is left out before it is tried again. */
export const RETRY_MS = 1000;
/** How long a replay check may take before the replica counts as failed. */
const CHECK_TIMEOUT_MS = 1000;

/** What a read must see, per request: raised by the request's writes and by the versions it reads. */
export type ReadContext = { floor: bigint; wrote?: bigint };

// On globalThis: Next.js bundles this module more than once (the proxy, the start-up, each route) in one process.
const holder = globalThis as typeof globalThis & { ftzReadContexts?: AsyncLocalStorage<ReadContext>; ftzReadRouters?: Set<ReadRouter> };
const explicitContexts = (holder.ftzReadContexts ??= new AsyncLocalStorage<ReadContext>());
const routers = (holder.ftzReadRouters ??= new Set<ReadRouter>());

/** Whether some read router of this process has a healthy replica: reads then work while its primary is away. */
export function replicasServeReads(): boolean {
  for (const router of routers) if (router.hasHealthyReplica()) return true;
  return false;
}

/** Runs `fn` with reads that must see at least `floor`; the context shows the floor it ended with. */
export async function withReadContext<T>(floor: bigint, fn: () => Promise<T>): Promise<{ value: T; context: ReadContext }> {
  const context: ReadContext = { floor };
  const value = await explicitContexts.run(context, fn);
  return { value, context };
}

export type RoutingHooks = {
  /** The current request's read context when none was set with withReadContext, if there is a request. */
  context?: () => Promise<ReadContext | undefined>;
  /** Told the LSN of each commit, with the request's context (to pass it to the session as a cookie). */
  onWrite?: (lsn: bigint, context: ReadContext | undefined) => Promise<void>;
};

export type ReplicaStatus = { location: string; healthy: boolean; replayLsn: string; reason: string | undefined };

export interface ReadRouter {
  /** Whether a replica can serve reads now (the primary's outage then leaves reads working). */
  hasHealthyReplica(): boolean;
  replicas(): ReplicaStatus[];
  /** The primary's outage, as far as known (set on a failed connection, cleared by the next success). */
  primaryOutage(): string | undefined;
  /** The highest commit LSN written through this instance. */
  lastWrite(): bigint;
}

export function parseLsn(text: string | null | undefined): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? "");
  if (!match) return 0n;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

const LEADING_COMMENTS = /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*/;
const WRITES_OR_LOCKS =
  /\b(?:insert|update|delete|merge|truncate|copy|nextval|setval|set_config|pg_notify|pg_advisory\w*|pg_try_advisory\w*|lo_\w+|for\s+(?:no\s+key\s+)?(?:update|share)|for\s+key\s+share)\b/i;

/** Whether a statement only reads: what a replica may answer. Anything doubtful goes to the primary. */
export function isReadOnlyStatement(sql: string): boolean {
  const body = sql.replace(LEADING_COMMENTS, "");
  return /^(?:select|with)\b/i.test(body) && !WRITES_OR_LOCKS.test(body);
}

function sqlState(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 4) return undefined;
  const record = error as Record<string, unknown>;
  const own = typeof record.originalCode === "string" ? record.originalCode : typeof record.code === "string" ? record.code : undefined;
  return (own && /^[0-9A-Z]{5}$/.test(own) ? own : undefined) ?? sqlState(record.cause, depth + 1);
}

/** A replica's answer that the primary would not give: read-only (a misrouted write) or a recovery conflict. */
function isReplicaOnlyFailure(error: unknown): boolean {
  const state = sqlState(error);
  return state === "25006" || state === "40001";
}

function connectionReason(error: unknown): string | undefined {
  const reason = connectionFailure(error);
  // A statement that ran too long is the query's fault, not the server's.
  return reason && sqlState(error) !== "57014" ? reason : undefined;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(what)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Higher than any WAL position: no replica has reached it. */
const UNKNOWN_POSITION = 0xffffffffffffffffn;

const noArgs = (sql: string): Query => ({ sql, args: [], argTypes: [] });

function firstText(result: ResultSet): string | undefined {
  const value = result.rows[0]?.[0];
  return typeof value === "string" ? value : undefined;
}

type Replica = {
  adapter: Adapter;
  location: string;
  replay: bigint;
  checkedAt: number;
  checking: Promise<void> | undefined;
  down: { reason: string; retryAt: number } | undefined;
};

class Router implements ReadRouter {
  private next = 0;
  private written = 0n;
  private primaryDown: { reason: string; retryAt: number } | undefined;

  constructor(
    readonly primary: Adapter,
    private readonly nodes: Replica[],
    private readonly hooks: RoutingHooks,
  ) {}

  hasHealthyReplica(): boolean {
    return this.nodes.some((node) => !node.down);
  }

  replicas(): ReplicaStatus[] {
    return this.nodes.map((n) => ({ location: n.location, healthy: !n.down, replayLsn: formatLsn(n.replay), reason: n.down?.reason }));
  }

  primaryOutage(): string | undefined {
    return this.primaryDown?.reason;
  }

  lastWrite(): bigint {
    return this.written;
  }

  private markReplicaDown(node: Replica, reason: string): void {
    if (!node.down) console.error(`ftz-monitor: the read replica ${node.location} is unavailable (${reason}); reading from the primary`);
    node.down = { reason, retryAt: Date.now() + RETRY_MS };
  }

  /** Asks a replica for its replay position (shared by concurrent callers); a failure leaves it out. */
  private check(node: Replica): Promise<void> {
    node.checking ??= withTimeout(
      node.adapter.queryRaw(noArgs(`SELECT ${READ_POSITION_SQL}`)),
      CHECK_TIMEOUT_MS,
      "the replica did not answer in time",
    )
      .then((result) => {
        node.replay = parseLsn(firstText(result));
        node.checkedAt = Date.now();
        if (node.down) console.log(`ftz-monitor: the read replica ${node.location} is back; reading from it again`);
        node.down = undefined;
      })
      .catch((error: unknown) =>
        this.markReplicaDown(node, connectionReason(error) ?? (error instanceof Error ? error.message : String(error))),
      )
      .finally(() => (node.checking = undefined));
    return node.checking;
  }

  /** The replica that may serve a read that must see `floor`, or undefined for the primary. */
  private async pick(floor: bigint): Promise<Replica | undefined> {
    const now = Date.now();
    // A failed replica is tried again in the background: no read waits for a server that may hang.
    for (const node of this.nodes) if (node.down && now >= node.down.retryAt && !node.checking) void this.check(node);
    const healthy = this.rotate().filter((node) => !node.down);
    if (healthy.length === 0) return undefined;
    const ready = healthy.find((node) => node.replay >= floor);
    if (ready) return ready;
    // The primary is away (asked again after RETRY_MS): nothing newer than the freshest replica can be read.
    if (this.primaryDown && now < this.primaryDown.retryAt) return this.freshest(healthy);
    if (floor === UNKNOWN_POSITION) return undefined;
    const stale = healthy.filter((node) => now - node.checkedAt >= REPLAY_CHECK_MS);
    if (stale.length === 0) return undefined;
    await Promise.all(stale.map((node) => this.check(node)));
    return stale.find((node) => !node.down && node.replay >= floor);
  }

  private freshest(nodes: Replica[]): Replica | undefined {
    return nodes.reduce<Replica | undefined>((best, node) => (!best || node.replay > best.replay ? node : best), undefined);
  }

  private rotate(): Replica[] {
    this.next = (this.next + 1) % this.nodes.length;
    return [...this.nodes.slice(this.next), ...this.nodes.slice(0, this.next)];
  }

  /** Runs a statement on the primary, keeping track of whether it is reachable. */
  async onPrimary<T>(run: () => Promise<T>, isWrite: boolean): Promise<T> {
    if (isWrite && this.primaryDown && Date.now() < this.primaryDown.retryAt)
      throw new UnavailableError(
        `The primary database is not available right now (${this.primaryDown.reason}); reads are served by the read replicas.`,
      );
    try {
      const result = await run();
      if (this.primaryDown) console.log("ftz-monitor: the primary database is back");
      this.primaryDown = undefined;
      return result;
    } catch (error) {
      const reason = connectionReason(error);
      if (reason && this.nodes.length > 0) {
        if (!this.primaryDown) console.error(`ftz-monitor: the primary database is unavailable (${reason}); reads go to the replicas`);
        this.primaryDown = { reason, retryAt: Date.now() + RETRY_MS };
      }
      throw error;
    }
  }

  /** After a commit on the primary: this instance's and the request's reads must see it from now on. */
  async noteWrite(context: ReadContext | undefined): Promise<void> {
    let lsn: bigint;
    try {
      lsn = parseLsn(firstText(await this.primary.queryRaw(noArgs("SELECT pg_current_wal_lsn()::text"))));
    } catch {
      // Committed, but where is unknown: read from the primary until the next write says where it stands.
      this.written = UNKNOWN_POSITION;
      return;
    }
    if (lsn > this.written || this.written === UNKNOWN_POSITION) this.written = lsn;
    if (context) {
      context.floor = context.floor > lsn ? context.floor : lsn;
      context.wrote = context.wrote !== undefined && context.wrote > lsn ? context.wrote : lsn;
    }
    await this.hooks.onWrite?.(lsn, context);
  }

  async context(): Promise<ReadContext | undefined> {
    return explicitContexts.getStore() ?? (await this.hooks.context?.());
  }

  async read(query: Query): Promise<ResultSet> {
    const context = await this.context();
    const floor = context && context.floor > this.written ? context.floor : this.written;
    const node = await this.pick(floor);
    if (node) {
      try {
        const result = await node.adapter.queryRaw(query);
        this.noteReadPosition(result, context, node);
        return result;
      } catch (error) {
        const reason = connectionReason(error);
        if (reason) this.markReplicaDown(node, reason);
        else if (!isReplicaOnlyFailure(error)) throw error;
      }
    }
    try {
      const result = await this.onPrimary(() => this.primary.queryRaw(query), false);
      this.noteReadPosition(result, context, undefined);
      return result;
    } catch (error) {
      // The primary failed this read: a replica answers it, as new as any can be now.
      const fallback = connectionReason(error) ? this.freshest(this.nodes.filter((n) => !n.down && n !== node)) : undefined;
      if (!fallback) throw error;
      const result = await fallback.adapter.queryRaw(query);
      this.noteReadPosition(result, context, fallback);
      return result;
    }
  }

  /** A version query says where it was read: what is read under that version must be at least as new. */
  private noteReadPosition(result: ResultSet, context: ReadContext | undefined, node: Replica | undefined): void {
    const column = result.columnNames.indexOf(READ_LSN_COLUMN);
    if (column < 0) return;
    const value = result.rows[0]?.[column];
    const lsn = parseLsn(typeof value === "string" ? value : undefined);
    if (node && lsn > node.replay) node.replay = lsn;
    if (context && lsn > context.floor) context.floor = lsn;
  }
}

function routedTransaction(router: Router, transaction: AdapterTransaction, context: ReadContext | undefined): AdapterTransaction {
  return new Proxy(transaction, {
    get(target, prop) {
      if (prop === "commit")
        return async () => {
          await target.commit();
          await router.noteWrite(context);
        };
      return forward(target, prop);
    },
  });
}

function routedAdapter(router: Router, hooks: RoutingHooks, replicas: Adapter[]): Adapter {
  const primary = router.primary;
  return new Proxy(primary, {
    get(target, prop) {
      switch (prop) {
        case "queryRaw":
          return async (query: Query) => {
            if (isReadOnlyStatement(query.sql)) return router.read(query);
            const context = await router.context();
            const result = await router.onPrimary(() => target.queryRaw(query), true);
            await router.noteWrite(context);
            return result;
          };
        case "executeRaw":
          return async (query: Query) => {
            const context = await router.context();
            const count = await router.onPrimary(() => target.executeRaw(query), true);
            await router.noteWrite(context);
            return count;
          };
        case "startTransaction":
          return async (...args: Parameters<Adapter["startTransaction"]>) => {
            const context = await router.context();
            return routedTransaction(router, await router.onPrimary(() => target.startTransaction(...args), true), context);
          };
        case "dispose":
          return async () => {
            routers.delete(router);
            await Promise.all([target.dispose(), ...replicas.map((replica) => replica.dispose())]);
          };
        default:
          return forward(target, prop);
      }
    },
  });
}

/**
 * The adapter factory for PrismaClient: the primary's factory (wrapped as it is without replicas) and one per
 * replica, with where each is (for messages). `onRouter` receives the router once Prisma has connected.
 */
export function routeReads<F extends Factory>(
  primary: F,
  replicas: { factory: Factory; location: string }[],
  hooks: RoutingHooks,
  onRouter: (router: ReadRouter) => void,
): F {
  return new Proxy(primary, {
    get(target, prop) {
      if (prop !== "connect") return forward(target, prop);
      return async () => {
        const primaryAdapter = await target.connect();
        const replicaAdapters = await Promise.all(replicas.map((replica) => replica.factory.connect()));
        const nodes: Replica[] = replicaAdapters.map((adapter, i) => ({
          adapter,
          location: replicas[i]?.location ?? `replica ${i + 1}`,
          replay: 0n,
          checkedAt: 0,
          checking: undefined,
          down: undefined,
        }));
        const router = new Router(primaryAdapter, nodes, hooks);
        routers.add(router);
        onRouter(router);
        return routedAdapter(router, hooks, replicaAdapters);
      };
    },
  });
}
