// How "at least", "at most" and "approximately" travel through arithmetic. A published lower bound
// stays a lower bound when it only ever pushes a result up; anything less certain becomes approximate.
import type { Qualifier, Status } from "./vocabulary.ts";

/** +1: the true value is at least this; −1: at most; 0: exact; NaN: only approximate. */
function direction(qualifier: Qualifier): number {
  switch (qualifier) {
    case "exact":
      return 0;
    case "at_least":
      return 1;
    case "at_most":
      return -1;
    case "approx":
      return Number.NaN;
  }
}

function fromDirection(value: number): Qualifier {
  if (Number.isNaN(value)) return "approx";
  return value > 0 ? "at_least" : value < 0 ? "at_most" : "exact";
}

/**
 * The qualifier of a result computed from inputs, each with the sign of its effect on the result:
 * +1 when the result grows with the input (a sum's terms, a ratio's numerator), −1 when it shrinks
 * (a difference's subtrahend, a ratio's denominator, assuming positive values).
 */
export function combineQualifiers(inputs: readonly { qualifier: Qualifier; effect: 1 | -1 }[]): Qualifier {
  let result = 0;
  for (const { qualifier, effect } of inputs) {
    const d = direction(qualifier) * effect;
    if (Number.isNaN(d)) return "approx";
    if (d === 0) continue;
    if (result !== 0 && Math.sign(result) !== Math.sign(d)) return "approx";
    result = d;
  }
  return fromDirection(result);
}

/** The worst status among inputs: disputed over unverified over ok. */
export function combineStatuses(statuses: readonly Status[]): Status {
  if (statuses.includes("disputed")) return "disputed";
  if (statuses.includes("unverified")) return "unverified";
  return "ok";
}
