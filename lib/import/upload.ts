// An upload through the API or the upload page: spool it, import it, answer with the summary — as one
// JSON document, or (Accept: application/x-ndjson) as progress lines followed by the summary.
import type { PrismaClient } from "../db/generated/client.ts";
import { toPublicError } from "../errors.ts";
import { json } from "../http.ts";
import { importPackage, type ImportChannel, type ImportProgress } from "./run.ts";
import { spoolRequest } from "./spool.ts";
import type { ImportSummary } from "../domain/imports.ts";

export type UploadOptions = {
  prisma: PrismaClient;
  dryRun: boolean;
  actor: string;
  channel: ImportChannel;
  maxBytes: number;
  name?: string;
  /** Runs once the import committed, before the answer is sent (a failure is logged, never fails the import). */
  afterCommit?: (summary: ImportSummary) => Promise<void>;
};

/** 200 for a commit or a clean dry run, 422 when any row was rejected. */
export function summaryStatus(summary: ImportSummary): number {
  return summary.errorCount > 0 ? 422 : 200;
}

export async function importUpload(request: Request, options: UploadOptions): Promise<Response> {
  const spooled = await spoolRequest(request, options.maxBytes, options.name);
  // A client that goes away (the page closed, the request aborted) cancels the import: it rolls back.
  const cancel = new AbortController();
  const stop = () => cancel.abort();
  request.signal.addEventListener("abort", stop, { once: true });
  const run = (onProgress?: (progress: ImportProgress) => void) =>
    importPackage(options.prisma, spooled.files, {
      dryRun: options.dryRun,
      actor: options.actor,
      channel: options.channel,
      signal: cancel.signal,
      ...(onProgress ? { onProgress } : {}),
    })
      .then(async (summary) => {
        if (summary.committed && options.afterCommit)
          await options.afterCommit(summary).catch((error: unknown) => console.error("ftz-monitor: after the import:", error));
        return summary;
      })
      .finally(() => {
        request.signal.removeEventListener("abort", stop);
        spooled.cleanup();
      });

  if (!(request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    const summary = await run();
    return json(summary, { status: summaryStatus(summary) });
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = 0;
      try {
        const summary = await run((progress) => {
          const now = Date.now();
          if (now - last < 200 && progress.fraction < 1) return;
          last = now;
          send({ progress });
        });
        send({ status: summaryStatus(summary), summary });
      } catch (error) {
        if (cancel.signal.aborted) return; // nobody is listening any more
        const { status, code, message } = toPublicError(error);
        send({ status, error: { code, message } });
      }
      controller.close();
    },
    cancel: stop,
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
