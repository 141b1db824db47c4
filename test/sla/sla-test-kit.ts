import type { Store } from '../../src/store/database.js';
import { insertCase, type CaseRecord, type NewCase } from '../../src/store/repositories/case.repository.js';
import { listCaseClocks, type CaseClockRecord } from '../../src/store/repositories/case-clock.repository.js';
import { loadPolicyRuntime } from '../../src/services/policy/load-policy-runtime.js';
import { caseCalendar } from '../../src/services/sla/sla-policy.js';
import { syncCaseClocks, type ClockSyncEvent } from '../../src/services/sla/sync-case-clocks.js';

export function newCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    subject: 'Where is my parcel', category: 'order_status', severity: null, channel: 'email', storefront: 'web',
    status: 'new', priority: 'P1', level: 'L1', escalated: false, levelOverride: null, priorityOverride: null,
    policyLevel: 'L1', policyPriority: 'P1', customerId: null, orderId: null, assigneeId: null, teamId: null, partnerTeamId: null,
    promisedResolution: null, promisedBy: null, resolvedById: null, resolvedAt: null, closedAt: null,
    firstResponseAt: null, firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null,
    facts: {}, decision: {}, policyVersion: 1, createdById: null,
    // Friday 2026-11-20, 10:00 in New York (the default policy's calendar).
    createdAt: '2026-11-20T15:00:00.000Z', ...overrides,
  };
}

export const message = (from: 'customer' | 'agent', at: string): ClockSyncEvent => ({ type: 'message', at, data: { from, text: '…' } });

/** Applies one change to a case as openCase/mutateCase will: case after the change, its events, now. */
export async function sync(
  store: Store,
  before: CaseRecord | null,
  after: CaseRecord,
  now: string,
  events: ClockSyncEvent[] = [],
): Promise<Record<string, CaseClockRecord>> {
  const runtime = await loadPolicyRuntime(store);
  await store.db.transaction().execute(async (trx) => {
    const calendar = await caseCalendar(trx, runtime, after);
    await syncCaseClocks(trx, { runtime, caseBefore: before, caseAfter: after, newEvents: events, now: new Date(now), calendar });
  });
  return clocksOf(store, after.id);
}

export async function clocksOf(store: Store, caseId: number): Promise<Record<string, CaseClockRecord>> {
  return Object.fromEntries((await listCaseClocks(store.db, caseId)).map((c) => [c.kind, c]));
}

export async function openTestCase(store: Store, overrides: Partial<NewCase> = {}): Promise<{ opened: CaseRecord; clocks: Record<string, CaseClockRecord> }> {
  const opened = await insertCase(store.db, newCase(overrides));
  const clocks = await sync(store, null, opened, opened.createdAt);
  return { opened, clocks };
}
