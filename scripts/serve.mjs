#!/usr/bin/env node
// The production server (`npm start` runs it through scripts/start.mjs): Next.js's own request handler — the
// same one `next start` uses, with its compression, proxy and pages — behind a plain Node.js HTTP server, so
// that one thing `next start` cannot do is possible: a page the proxy answers from memory (lib/page-cache.ts)
// is sent as the gzip copy made once when it was rendered, instead of being compressed again for every reader.
// Next.js drops a `Content-Encoding` set by the proxy (it assumes a body the proxy fetched was decoded), so the
// proxy names the encoding in its own header and this server turns it into `Content-Encoding` before Next.js's
// compression looks (a body already encoded is sent as it is). The proxy only does so when this server says
// it is running (globalThis.ftzServerEncodes): under a bare `next start` kept pages are compressed per answer.
import http from "node:http";
import next from "next";

/** Keep in step with ENCODED_HEADER in lib/page-cache.ts (tests/unit/page-cache.test.ts checks it). */
const ENCODED_HEADER = "x-ftz-content-encoding";

const port = Number(process.env.PORT || 3000);
globalThis.ftzServerEncodes = true;

const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  const setHeader = response.setHeader;
  response.setHeader = function (name, value) {
    return setHeader.call(this, String(name).toLowerCase() === ENCODED_HEADER ? "content-encoding" : name, value);
  };
  handle(request, response).catch((error) => {
    console.error("ftz-monitor: a request failed outside Next.js:", error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end();
  });
});
server.listen(port, () => console.log(`ftz-monitor: serving on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
