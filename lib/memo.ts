// Recent answers kept in memory: a bounded map per database client (two databases in one process never
// share an answer), the least recently used evicted first. Keys must carry the data version, so an
// answer is never served after the data it came from changed. A failed computation is not kept.

export type Memo<T> = (client: object, key: string, compute: () => Promise<T>) => Promise<T>;

export function boundedMemo<T>(size: number): Memo<T> {
  const byClient = new WeakMap<object, Map<string, Promise<T>>>();
  return (client, key, compute) => {
    let entries = byClient.get(client);
    if (!entries) {
      entries = new Map();
      byClient.set(client, entries);
    }
    const hit = entries.get(key);
    if (hit) {
      // Most recently used last.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const value = compute();
    entries.set(key, value);
    const own = entries;
    value.catch(() => {
      if (own.get(key) === value) own.delete(key);
    });
    if (entries.size > size) entries.delete(entries.keys().next().value as string);
    return value;
  };
}
