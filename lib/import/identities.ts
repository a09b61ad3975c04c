// The identities (zone, indicator, basis, period) an import has seen, to catch a figure given twice in
// one package. A million-row package means a million entries: they live in typed arrays, found through
// a map from a 30-bit hash of the identity (a small integer, so V8 stores it unboxed), with collisions
// chained and told apart by comparing the fields. No string per row: keys built as strings kept about
// 650 bytes per row alive (the key and the date strings it pointed to).
import type { Basis } from "../domain/vocabulary.ts";

export type Identity = { zoneId: number; indicatorId: number; basis: Basis | string; start: string; end: string };
export type Seen = { row: number; value: number; qualifier: number };

const BASIS_CODES: Record<string, number> = { period: 0, ytd: 1, cumulative: 2, point: 3 };

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x9e3779b1) ^ (hash >>> 15);
}

export class IdentityIndex {
  private readonly heads = new Map<number, number>();
  private size = 0;
  private capacity = 1024;
  private next = new Int32Array(this.capacity);
  private zones = new Int32Array(this.capacity);
  private indicators = new Int32Array(this.capacity);
  private bases = new Uint8Array(this.capacity);
  private starts = new Int32Array(this.capacity);
  private ends = new Int32Array(this.capacity);
  private rows = new Int32Array(this.capacity);
  private values = new Float64Array(this.capacity);
  private qualifiers = new Uint8Array(this.capacity);

  get(identity: Identity): Seen | undefined {
    const i = this.find(identity);
    return i < 0 ? undefined : { row: this.rows[i] ?? 0, value: this.values[i] ?? 0, qualifier: this.qualifiers[i] ?? 0 };
  }

  /** Records an identity not seen before (check with `get` first). */
  set(identity: Identity, row: number, value: number, qualifier: number): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size;
    const hash = this.hash(identity);
    this.next[i] = this.heads.get(hash) ?? -1;
    this.heads.set(hash, i);
    this.zones[i] = identity.zoneId;
    this.indicators[i] = identity.indicatorId;
    this.bases[i] = BASIS_CODES[identity.basis] ?? 255;
    this.starts[i] = dayNumber(identity.start);
    this.ends[i] = dayNumber(identity.end);
    this.rows[i] = row;
    this.values[i] = value;
    this.qualifiers[i] = qualifier;
    this.size += 1;
  }

  private hash(identity: Identity): number {
    let h = 0x811c9dc5;
    h = mix(h, identity.zoneId);
    h = mix(h, identity.indicatorId);
    h = mix(h, BASIS_CODES[identity.basis] ?? 255);
    h = mix(h, dayNumber(identity.start));
    h = mix(h, dayNumber(identity.end));
    return (h >>> 2) & 0x3fffffff;
  }

  private find(identity: Identity): number {
    const basis = BASIS_CODES[identity.basis] ?? 255;
    const start = dayNumber(identity.start);
    const end = dayNumber(identity.end);
    for (let i = this.heads.get(this.hash(identity)) ?? -1; i >= 0; i = this.next[i] ?? -1) {
      if (
        this.zones[i] === identity.zoneId &&
        this.indicators[i] === identity.indicatorId &&
        this.bases[i] === basis &&
        this.starts[i] === start &&
        this.ends[i] === end
      )
        return i;
    }
    return -1;
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const bigger = make(this.capacity);
      bigger.set(array);
      return bigger;
    };
    const int32 = (n: number) => new Int32Array(n);
    const uint8 = (n: number) => new Uint8Array(n);
    this.next = grow(this.next, int32);
    this.zones = grow(this.zones, int32);
    this.indicators = grow(this.indicators, int32);
    this.bases = grow(this.bases, uint8);
    this.starts = grow(this.starts, int32);
    this.ends = grow(this.ends, int32);
    this.rows = grow(this.rows, int32);
    this.values = grow(this.values, (n) => new Float64Array(n));
    this.qualifiers = grow(this.qualifiers, uint8);
  }
}
