import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { seedDefaultPolicy } from '../../src/services/policy/load-policy-runtime.js';
import { message, openTestCase, sync } from './sla-test-kit.js';

const dialects = await availableDialects();

// Default policy: P1 first response 30 min, next response 60 min, resolution 120 min, in calendar
// time; P2 first response 60 business minutes, resolution by the close of the business day.
// Calendar: New York, Mon–Fri 09:00–17:00. 2026-11-20 is a Friday; 15:00Z is 10:00 there.

describe.each(dialects)('syncCaseClocks on %s (issue 4 item 2)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await seedDefaultPolicy(store);
  });
  afterAll(async () => { await store?.dispose(); });

  it('opening a P1 case starts first-response and resolution clocks with 80% warnings (R001-12, R001-13)', async () => {
    const { clocks } = await openTestCase(store);
    expect(Object.keys(clocks).sort()).toEqual(['first_response', 'resolution']);
    expect(clocks.first_response).toMatchObject({ state: 'running', dueAt: '2026-11-20T15:30:00.000Z', warnAt: '2026-11-20T15:24:00.000Z', warnedAt: null, breachedAt: null });
    expect(clocks.resolution).toMatchObject({ state: 'running', dueAt: '2026-11-20T17:00:00.000Z', warnAt: '2026-11-20T16:36:00.000Z' });
  });

  it('a P2 case opened late on Friday counts business time: due at the close, resolution not before first response (R001-13)', async () => {
    const { clocks } = await openTestCase(store, { priority: 'P2', policyPriority: 'P2', createdAt: '2026-11-20T21:30:00.000Z' });
    // 16:30 New York: 30 business minutes today, 30 on Monday from 09:00.
    expect(clocks.first_response!.dueAt).toBe('2026-11-23T14:30:00.000Z');
    expect(clocks.resolution!.dueAt).toBe('2026-11-23T14:30:00.000Z');
  });

  it('an agent reply meets first response; the next customer message starts next response, met by the next reply (R004-01)', async () => {
    const { opened } = await openTestCase(store);
    let clocks = await sync(store, opened, opened, '2026-11-20T15:10:00.000Z', [message('agent', '2026-11-20T15:10:00.000Z')]);
    expect(clocks.first_response).toMatchObject({ state: 'met', dueAt: null, warnAt: null });

    clocks = await sync(store, opened, opened, '2026-11-20T15:20:00.000Z', [message('customer', '2026-11-20T15:20:00.000Z')]);
    expect(clocks.next_response).toMatchObject({ state: 'running', dueAt: '2026-11-20T16:20:00.000Z' });
    // A second message while the customer still waits does not move the due time.
    clocks = await sync(store, opened, opened, '2026-11-20T15:40:00.000Z', [message('customer', '2026-11-20T15:40:00.000Z')]);
    expect(clocks.next_response!.dueAt).toBe('2026-11-20T16:20:00.000Z');

    clocks = await sync(store, opened, opened, '2026-11-20T15:50:00.000Z', [message('agent', '2026-11-20T15:50:00.000Z')]);
    expect(clocks.next_response).toMatchObject({ state: 'met', dueAt: null });
    clocks = await sync(store, opened, opened, '2026-11-20T16:00:00.000Z', [message('customer', '2026-11-20T16:00:00.000Z')]);
    expect(clocks.next_response).toMatchObject({ state: 'running', dueAt: '2026-11-20T17:00:00.000Z' });
  });

  it('a customer message before the first answer does not start next response', async () => {
    const { opened } = await openTestCase(store);
    const clocks = await sync(store, opened, opened, '2026-11-20T15:05:00.000Z', [message('customer', '2026-11-20T15:05:00.000Z')]);
    expect(clocks.next_response).toBeUndefined();
  });

  it('pending_customer stops the clocks and the wait is added when the case comes back (R001-13 pause)', async () => {
    const { opened } = await openTestCase(store);
    const pending = { ...opened, status: 'pending_customer' };
    let clocks = await sync(store, opened, pending, '2026-11-20T15:10:00.000Z');
    expect(clocks.resolution).toMatchObject({ state: 'paused', dueAt: null, warnAt: null });
    const back = { ...opened, status: 'open' };
    clocks = await sync(store, pending, back, '2026-11-20T15:40:00.000Z');
    // 30 minutes paused: due 30 minutes later.
    expect(clocks.resolution).toMatchObject({ state: 'running', dueAt: '2026-11-20T17:30:00.000Z' });
    expect(clocks.first_response!.dueAt).toBe('2026-11-20T16:00:00.000Z');
  });

  it('pending_supplier pauses as well; pending_internal does not (policy pauseStates)', async () => {
    const { opened } = await openTestCase(store);
    const supplier = await sync(store, opened, { ...opened, status: 'pending_supplier' }, '2026-11-20T15:10:00.000Z');
    expect(supplier.resolution!.state).toBe('paused');
    const { opened: other } = await openTestCase(store);
    const internal = await sync(store, other, { ...other, status: 'pending_internal' }, '2026-11-20T15:10:00.000Z');
    expect(internal.resolution!.state).toBe('running');
  });

  it('resolving meets the resolution clock; reopening starts a new resolution cycle', async () => {
    const { opened } = await openTestCase(store);
    const resolved = { ...opened, status: 'resolved' };
    let clocks = await sync(store, opened, resolved, '2026-11-20T15:20:00.000Z');
    expect(clocks.resolution).toMatchObject({ state: 'met', dueAt: null });
    // The response clocks stop with the case (resolved with no reply, e.g. a duplicate).
    expect(clocks.first_response).toMatchObject({ state: 'paused', dueAt: null });
    clocks = await sync(store, resolved, { ...opened, status: 'open' }, '2026-11-20T15:50:00.000Z');
    expect(clocks.resolution).toMatchObject({ state: 'running', dueAt: '2026-11-20T17:50:00.000Z' });
  });

  it('a priority change retargets running clocks from where they started (P3 → P1)', async () => {
    const { opened, clocks: before } = await openTestCase(store, { priority: 'P3', policyPriority: 'P3' });
    expect(before.resolution!.dueAt).toBe('2026-11-23T22:00:00.000Z'); // close of the next business day
    const p1 = { ...opened, priority: 'P1' };
    const clocks = await sync(store, opened, p1, '2026-11-20T15:30:00.000Z');
    expect(clocks.resolution!.dueAt).toBe('2026-11-20T17:00:00.000Z');
    expect(clocks.first_response!.dueAt).toBe('2026-11-20T15:30:00.000Z');
  });

  it('a response clock breached before the case was resolved keeps its breach pending', async () => {
    const { opened } = await openTestCase(store);
    const clocks = await sync(store, opened, { ...opened, status: 'resolved' }, '2026-11-20T16:00:00.000Z');
    expect(clocks.first_response).toMatchObject({ state: 'breached', dueAt: '2026-11-20T15:30:00.000Z' });
  });

  it('a retarget that puts the due instant in the past leaves the breach pending at once', async () => {
    const { opened } = await openTestCase(store, { priority: 'P3', policyPriority: 'P3' });
    const clocks = await sync(store, opened, { ...opened, priority: 'P1' }, '2026-11-20T18:00:00.000Z');
    expect(clocks.resolution).toMatchObject({ state: 'breached', dueAt: '2026-11-20T17:00:00.000Z', warnAt: null, breachedAt: null });
  });
});
