/**
 * Concurrent reads of single keys turned into one read of many, without serving anything stale:
 * a key asked for while no read is running is read at once, alone; keys asked for while a read is
 * running wait for it to finish and are then read together. Every answer comes from a read that
 * started after it was asked for, so a change committed before a request (a revoked token) is seen
 * by that request — unlike a cache.
 *
 * `gatherTurn`: the first read also waits for the rest of the current turn of the event loop, so
 * callers started together (a claimed batch of delivery jobs) share one read instead of the first
 * going alone.
 */
export function coalescedRead<K, V>(
  readMany: (keys: K[]) => Promise<Map<K, V>>,
  options: { maxKeys?: number; gatherTurn?: boolean } = {},
): (key: K) => Promise<V | undefined> {
  const maxKeys = options.maxKeys ?? 256;
  let waiting: { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[] = [];
  let reading = false;
  let gathering = false;

  function next(): void {
    if (reading || gathering || waiting.length === 0) return;
    if (options.gatherTurn) {
      gathering = true;
      process.nextTick(() => {
        gathering = false;
        read();
      });
    } else {
      read();
    }
  }

  function read(): void {
    const batch = waiting.slice(0, maxKeys);
    waiting = waiting.slice(maxKeys);
    reading = true;
    readMany([...new Set(batch.map((w) => w.key))]).then(
      (found) => { for (const w of batch) w.resolve(found.get(w.key)); },
      (error: unknown) => { for (const w of batch) w.reject(error); },
    ).finally(() => {
      reading = false;
      next();
    });
  }

  return (key) => new Promise<V | undefined>((resolve, reject) => {
    waiting.push({ key, resolve, reject });
    next();
  });
}
