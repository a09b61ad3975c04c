// The driver connection under a Prisma interactive transaction, for the statements Prisma cannot send:
// COPY … FROM STDIN on a PostgreSQL server (a stream on the connection) and COPY … FROM '/dev/blob' on
// PGlite (a query option). Prisma does not expose it, so the adapter factory is wrapped: every
// transaction it starts watches for one probe statement carrying a one-time token, and the
// transaction that runs the probe is, by definition, the caller's. What is sent on the connection is
// then part of that transaction: it sees the transaction's writes and is undone by its rollback.
import { randomUUID } from "node:crypto";
import type { Transaction as PGliteTransaction } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaPGlite } from "pglite-prisma-adapter";
import type { Prisma } from "./generated/client.ts";

export type DriverConnection = { kind: "postgres"; client: pg.PoolClient } | { kind: "pglite"; tx: PGliteTransaction };

type AdapterFactory = PrismaPg | PrismaPGlite;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
type AdapterTransaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<AdapterTransaction["queryRaw"]>[0];

const PROBE = "SELECT $1::text AS ftz_transaction_probe";
// On globalThis: Next.js may bundle this module more than once (the start-up and each route), and the
// transaction that claims a token and the caller that asks for it must see the same map.
const holder = globalThis as typeof globalThis & { ftzClaimedConnections?: Map<string, DriverConnection> };
const claimed = (holder.ftzClaimedConnections ??= new Map<string, DriverConnection>());

function isPgClient(client: unknown): boolean {
  return typeof client === "object" && client !== null && "query" in client && "release" in client && "connection" in client;
}

/** Both adapters keep their driver handle in `client` (the pool's client, PGlite's transaction): read and checked. */
function connectionOf(transaction: AdapterTransaction, kind: DriverConnection["kind"]): DriverConnection {
  const client: unknown = Reflect.get(transaction, "client");
  // Duck-typed beside instanceof: the bundle may hold more than one copy of pg.
  if (kind === "postgres" && (client instanceof pg.Client || isPgClient(client))) return { kind, client: client as pg.PoolClient };
  if (kind === "pglite" && typeof client === "object" && client !== null && "query" in client && "rollback" in client)
    return { kind, tx: client as PGliteTransaction };
  throw new Error(
    `The ${kind} Prisma adapter no longer keeps its connection where ftz-monitor expects it (lib/db/transaction-connection.ts)`,
  );
}

/** Methods called on the proxy run on the real object (the adapters use private fields). */
export function forward<T extends object>(target: T, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

function watchTransaction(transaction: AdapterTransaction, kind: DriverConnection["kind"]): AdapterTransaction {
  return new Proxy(transaction, {
    get(target, prop) {
      if (prop !== "queryRaw") return forward(target, prop);
      return (query: Query) => {
        const token = query.sql === PROBE ? query.args[0] : undefined;
        if (typeof token === "string") claimed.set(token, connectionOf(target, kind));
        return target.queryRaw(query);
      };
    },
  });
}

/** The factory to give PrismaClient: the same adapter, whose transactions answer `driverConnection`. */
export function exposeTransactions<F extends AdapterFactory>(factory: F, kind: DriverConnection["kind"]): F {
  return new Proxy(factory, {
    get(target, prop) {
      if (prop !== "connect") return forward(target, prop);
      return async () => {
        const adapter = await target.connect();
        return new Proxy(adapter, {
          get(inner, key) {
            if (key !== "startTransaction") return forward(inner, key);
            return async (...args: Parameters<Adapter["startTransaction"]>) =>
              watchTransaction(await inner.startTransaction(...args), kind);
          },
        });
      };
    },
  });
}

/** The driver connection the interactive transaction `tx` runs on (its client must come from `exposeTransactions`). */
export async function driverConnection(tx: Prisma.TransactionClient): Promise<DriverConnection> {
  const token = randomUUID();
  await tx.$queryRawUnsafe(PROBE, token);
  const connection = claimed.get(token);
  claimed.delete(token);
  if (!connection)
    throw new Error("This Prisma client was not opened through lib/db/connection.ts: its transactions do not expose their connection");
  return connection;
}

type TimeoutParameters = { connectionParameters: { query_timeout?: number | false } };

/**
 * Lifts the statement timeouts for one transaction (an import: its lock may wait for another import,
 * its merges may take minutes): SET LOCAL on the server, and the client's read timeout on this
 * connection. Returns what puts the client's back; call it before the transaction ends.
 */
export async function liftTimeouts(tx: Prisma.TransactionClient): Promise<() => void> {
  const connection = await driverConnection(tx);
  await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
  if (connection.kind !== "postgres") return () => undefined;
  return liftClientTimeout(connection.client);
}

/** Lifts the read timeout of one driver client (a migration, an import); the returned function restores it. */
export function liftClientTimeout(client: pg.ClientBase): () => void {
  const parameters = (client as unknown as TimeoutParameters).connectionParameters;
  const before = parameters.query_timeout;
  parameters.query_timeout = false;
  return () => {
    parameters.query_timeout = before;
  };
}
