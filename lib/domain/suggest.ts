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

/** Up to `count` candidates, nearest first by edit distance; among equals, one containing the text first. */
export function closest(text: string, candidates: readonly string[], count = 3): string[] {
  const needle = text.trim().toLowerCase();
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      return { candidate, distance: editDistance(needle, lower), contains: needle.length >= 3 && lower.includes(needle) ? 0 : 1 };
    })
    .sort((x, y) => x.distance - y.distance || x.contains - y.contains || x.candidate.localeCompare(y.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
