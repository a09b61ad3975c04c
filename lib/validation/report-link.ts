// A report draft carried in a URL (base64url of its JSON): previewed, printed and turned into a PDF
// without being saved. Works in the browser and on the server; no dependencies.

export function encodeReport(report: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(report));
  let binary = "";
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The decoded JSON, or undefined when the text is not a report link. */
export function decodeReport(text: string): unknown {
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
