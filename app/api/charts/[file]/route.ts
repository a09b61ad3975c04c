// GET /api/charts/compare.svg and /api/charts/compare.png — the compare page's chart as an image, for
// reports that embed a link which always shows the latest data. Parameters as /compare, plus lang,
// width, height and scale. A bad parameter is a 400 with the reason, never a broken image.
import { getPrisma } from "@/lib/bootstrap";
import { AppError } from "@/lib/errors";
import { compareImage } from "@/lib/export/chart-service";
import { handle } from "@/lib/http";
import { ChartParamsSchema } from "@/lib/validation/chart";
import { parseParams } from "@/lib/validation/params";

const FORMATS: Record<string, "svg" | "png"> = { "compare.svg": "svg", "compare.png": "png" };

export const GET = handle(async (request, context: RouteContext<"/api/charts/[file]">) => {
  const { file } = await context.params;
  const format = FORMATS[file];
  if (!format) throw new AppError("not_found", `There is no chart '${file}': use compare.svg or compare.png`);
  const params = parseParams(new URL(request.url), ChartParamsSchema, ["zones"]);
  const image = await compareImage(await getPrisma(), params, format, request.headers.get("if-none-match"));
  const caching = { "cache-control": "public, max-age=300, stale-while-revalidate=86400" };
  if (image === "not-modified") return new Response(null, { status: 304, headers: caching });
  const body = typeof image.body === "string" ? image.body : Buffer.from(image.body);
  return new Response(body, {
    headers: {
      ...caching,
      "content-type": image.contentType,
      etag: image.etag,
      "content-disposition": `inline; filename="${image.fileName}"`,
    },
  });
});
