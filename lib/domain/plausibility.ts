// When a figure looks wrong beside its neighbour in the same series. The one definition of a 万/亿
// slip (a value entered in 元 instead of 万元, or 万元 instead of 亿元): about 10⁴ or 10⁸ times its
// neighbour, within half an order of magnitude. Import warnings and alerts both ask this module. Pure.

/** Orders of magnitude between 元, 万元 and 亿元 (and 吨, 万吨, 亿吨 …): the slips a unit column invites. */
export const SLIP_EXPONENTS = [4, 8] as const;
/** How far from an exact power of ten a ratio may be and still count as a slip (log10 units). */
export const SLIP_TOLERANCE = 0.5;

/**
 * The slip between a value and its neighbour as a signed power of ten (4: the value is about 10⁴
 * times its neighbour, −8: about 10⁻⁸ times), or null when there is none. Only positive values can
 * slip; percentages never do (they carry no magnitude).
 */
export function magnitudeSlip(value: number, neighbour: number | null, percent = false): number | null {
  if (percent || neighbour === null || value <= 0 || neighbour <= 0) return null;
  const log = Math.log10(value / neighbour);
  const exponent = Math.round(log);
  const isSlip = SLIP_EXPONENTS.some((e) => Math.abs(Math.abs(log) - e) < SLIP_TOLERANCE);
  return isSlip ? exponent : null;
}
