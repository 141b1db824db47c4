import { describe, expect, test } from 'vitest';
import type { LogTypeDescription } from '../../src/console/api/log-types.js';
import { createLogTypesCache } from '../../src/console/lib/log-types-cache.js';

// The console keeps one answer of GET /logs/types per person and role (issue 8): the server trims
// the templates to the role, so another role must ask again, and forgetting (each navigation to
// Logs) must too.

function counted() {
  let calls = 0;
  const cache = createLogTypesCache(async () => {
    calls += 1;
    return [{ key: `answer${calls}` } as LogTypeDescription];
  });
  return { cache, calls: () => calls };
}

describe('the console\'s log types cache', () => {
  test('one request serves the same person in the same role', async () => {
    const { cache, calls } = counted();
    await cache.load({ id: '7', role: 'agent' });
    await cache.load({ id: '7', role: 'agent' });
    expect(calls()).toBe(1);
  });

  test('the same person in a new role asks the server again and gets the newly trimmed list', async () => {
    const { cache, calls } = counted();
    expect((await cache.load({ id: '7', role: 'agent' })).map((t) => t.key)).toEqual(['answer1']);
    expect((await cache.load({ id: '7', role: 'back_office' })).map((t) => t.key)).toEqual(['answer2']);
    expect(calls()).toBe(2);
  });

  test('after forgetting (a navigation to Logs) the next load asks again', async () => {
    const { cache, calls } = counted();
    await cache.load({ id: '7', role: 'agent' });
    cache.forget();
    await cache.load({ id: '7', role: 'agent' });
    expect(calls()).toBe(2);
  });

  test('a failed answer is not kept', async () => {
    let calls = 0;
    const cache = createLogTypesCache(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return [];
    });
    await expect(cache.load({ id: '7', role: 'agent' })).rejects.toThrow('offline');
    await expect(cache.load({ id: '7', role: 'agent' })).resolves.toEqual([]);
  });
});
