// A 100 MB upload streams to disk: the process does not grow by the file's size while the body is
// received (multipart, as the upload page and curl -F send it), and FTZ_IMPORT_MAX_BYTES still refuses
// a larger body. The body is made on the fly, so the test itself never holds it either.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { spoolRequest } from "@/lib/import/spool";
import { largeLine, LARGE_HEADER } from "../support/large-package";

const MB = 1024 * 1024;
const BOUNDARY = "ftzSyntheticBoundary";

/** A multipart body of one CSV part of about `bytes` bytes, produced chunk by chunk as it is read. */
function streamedBody(bytes: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let line = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="observations.csv"\r\nContent-Type: text/csv\r\n\r\n${LARGE_HEADER}\n`,
        ),
      );
    },
    pull(controller) {
      if (done) return;
      if (sent >= bytes) {
        controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
        done = true;
        return;
      }
      const lines: string[] = [];
      for (let i = 0; i < 2000; i += 1) lines.push(largeLine(line++));
      const chunk = encoder.encode(`${lines.join("\n")}\n`);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

function upload(bytes: number): Request {
  return new Request("http://localhost/api/imports", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: streamedBody(bytes),
    duplex: "half",
  } as RequestInit);
}

describe("an upload streams to disk", () => {
  it("receives 100 MB without growing by its size", async () => {
    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    const spooled = await spoolRequest(upload(100 * MB), 200 * MB);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    try {
      const [file] = spooled.files;
      expect(file?.size).toBeGreaterThan(100 * MB);
      // Buffering the body would add at least its 100 MB; streaming adds a few chunks and the heap's churn.
      expect((peak - before) / MB).toBeLessThan(50);
      const head = await new Promise<string>((resolve, reject) => {
        const stream = file!.open();
        stream.once("data", (chunk) => {
          resolve(String(chunk).split("\n")[0] ?? "");
          stream.destroy();
        });
        stream.once("error", reject);
      });
      expect(head).toBe(LARGE_HEADER);
    } finally {
      spooled.cleanup();
    }
  });

  it("refuses a body larger than FTZ_IMPORT_MAX_BYTES while it arrives, and leaves no file behind", async () => {
    const tmp = fs.readdirSync(process.env.TMPDIR ?? "/tmp").filter((n) => n.startsWith("ftz-upload-")).length;
    await expect(spoolRequest(upload(30 * MB), 10 * MB)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(fs.readdirSync(process.env.TMPDIR ?? "/tmp").filter((n) => n.startsWith("ftz-upload-")).length).toBe(tmp);
  });
});
