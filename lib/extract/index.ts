// The figure finder (issue 17): pure extraction of candidate observations from a text and its source.
export { extractFigures, buildLexicon } from "./extract.ts";
export { normaliseYtd } from "./resolve-period.ts";
export type {
  Candidate,
  Extraction,
  ExtractCatalog,
  ExtractEvent,
  ExtractIndicator,
  ExtractSource,
  ExtractZone,
  Unplaced,
} from "./types.ts";
