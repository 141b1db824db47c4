import { describe, expect, it } from 'vitest';
import { coalescedRead } from './coalesced-read.js';

function deferredReader() {
  const calls: string[][] = [];
  const pending: (() => void)[] = [];
  let stored = new Map<string, number>([['a', 1], ['b', 2], ['c', 3]]);
  const read = coalescedRead(async (keys: string[]) => {
    calls.push(keys);
    const snapshot = new Map(stored);
    await new Promise<void>((resolve) => pending.push(resolve));
    return new Map(keys.filter((k) => snapshot.has(k)).map((k) => [k, snapshot.get(k)!]));
  });
  return { read, calls, release: () => pending.shift()!(), set: (m: Map<string, number>) => { stored = m; } };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('coalesced reads', () => {
  it('a key asked for while nothing is being read is read at once, alone', async () => {
    const r = deferredReader();
    const a = r.read('a');
    await tick();
    expect(r.calls).toEqual([['a']]);
    r.release();
    expect(await a).toBe(1);
  });

  it('keys asked for during a read wait for it and are then read together, each getting its own answer', async () => {
    const r = deferredReader();
    const a = r.read('a');
    const b = r.read('b');
    const again = r.read('b');
    const missing = r.read('zzz');
    await tick();
    expect(r.calls).toEqual([['a']]);
    r.release();
    await a;
    await tick();
    expect(r.calls).toEqual([['a'], ['b', 'zzz']]);
    r.release();
    expect([await b, await again, await missing]).toEqual([2, 2, undefined]);
  });

  it('never answers from a read that started before the key was asked for (a revoked token is refused at once)', async () => {
    const r = deferredReader();
    const first = r.read('a');
    await tick();
    r.set(new Map()); // revoked after the first read started
    const second = r.read('a');
    r.release();
    expect(await first).toBe(1);
    await tick();
    r.release();
    expect(await second).toBeUndefined();
  });

  it('a failed read fails the keys it carried, and the next keys are read again', async () => {
    let fail = true;
    const read = coalescedRead(async (keys: string[]) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k.length]));
    });
    await expect(read('abc')).rejects.toThrow('database down');
    fail = false;
    expect(await read('abcd')).toBe(4);
  });
});
