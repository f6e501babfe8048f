/**
 * The answer a pure function gave for `key`, kept in `table`, or `make()`'s, kept for next time. Past `max`
 * entries the table starts afresh: simpler than an eviction order, and the keys a page asks for come back
 * within the page. For answers that cost far more to work out than to look up (formatters, dates written
 * out, names of fixed codes).
 */
export function remembered<T>(table: Map<string, T>, max: number, key: string, make: () => T): T {
  let answer = table.get(key);
  if (answer === undefined) {
    if (table.size >= max) table.clear();
    answer = make();
    table.set(key, answer);
  }
  return answer;
}
