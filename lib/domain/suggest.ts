// "Did you mean": the known codes closest to an unknown one, by edit distance.

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** Longer than this, a text is no mistyped code: no suggestion is looked for. */
export const MAX_SUGGEST_LENGTH = 64;
/** The most candidates compared with one text, so that one lookup costs at most ~MAX² × this. */
export const MAX_SUGGEST_CANDIDATES = 2_000;

/**
 * Up to `count` candidates, nearest first by edit distance; among equals, one containing the text first.
 * Bounded: a text longer than MAX_SUGGEST_LENGTH gets none, and only the first MAX_SUGGEST_CANDIDATES
 * candidates are compared, so one request cannot hold the server.
 */
export function closest(text: string, candidates: readonly string[], count = 3): string[] {
  const needle = text.trim().toLowerCase();
  if (needle.length > MAX_SUGGEST_LENGTH) return [];
  return candidates
    .slice(0, MAX_SUGGEST_CANDIDATES)
    .filter((candidate) => candidate.length <= MAX_SUGGEST_LENGTH * 2)
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      return { candidate, distance: editDistance(needle, lower), contains: needle.length >= 3 && lower.includes(needle) ? 0 : 1 };
    })
    .sort((x, y) => x.distance - y.distance || x.contains - y.contains || x.candidate.localeCompare(y.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
