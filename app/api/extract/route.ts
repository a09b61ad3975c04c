// POST /api/extract — the figure finder for scripts (admin): {text, source: {title, url, publishedOn}} in (publishedOn
// YYYY, YYYY-MM or YYYY-MM-DD, as much as the source states), the
// candidate figures out, each marked against what is stored (same / new / conflict) with its package row, and
// the numbers it could not place. Nothing is written: accepted rows go through POST /api/imports.
import { requireAdminRequest } from "@/lib/auth/server";
import { getPrisma } from "@/lib/bootstrap";
import { reviewText } from "@/lib/extract/service";
import { handle, json, readJson } from "@/lib/http";
import { parseExtractBody } from "@/lib/validation/extract";

export const POST = handle(async (request) => {
  await requireAdminRequest(request);
  const body = parseExtractBody(await readJson(request, "the text", 1024 * 1024));
  const review = await reviewText(await getPrisma(), body.text, body.source);
  return json(review);
});
