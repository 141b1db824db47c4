import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { insertIncident, insertIncidentCases, listIncidentCases } from '../../src/store/repositories/incident.repository.js';
import { appendCaseEvents } from '../../src/store/repositories/case-event.repository.js';

const dialects = await availableDialects();
const AT = '2026-11-20T10:00:00.000Z';

// SQLite binds at most 32,766 parameters per statement and PostgreSQL 65,535: a repository taking
// an unbounded list must split it, or a large incident or a long history becomes a 500.
describe.each(dialects)('statements over many rows on %s', (dialect) => {
  let store: TestStore;
  const caseIds: number[] = [];
  beforeAll(async () => {
    store = await createTestStore(dialect);
    for (let i = 0; i < 14_000; i += 2_000) {
      const rows = await store.db.insertInto('cases')
        .values(Array.from({ length: 2_000 }, (_, k) => ({
          subject: `bulk ${i + k}`, category: 'order_status', status: 'new', priority: 'P3', level: 'L1', escalated: 0,
          policy_level: 'L1', policy_priority: 'P3', decision_json: '{}', facts_json: '{}', policy_version: 1, created_at: AT, updated_at: AT,
        }) as never))
        .returning('id')
        .execute();
      caseIds.push(...rows.map((r) => Number(r.id)));
    }
  });
  afterAll(async () => { await store?.dispose(); });

  it('an incident gathering 14,000 complaints links them all (70,000 values, split into statements)', async () => {
    const incident = await insertIncident(store.db, {
      title: 'carrier outage', summary: null, status: 'open', source: 'manual', dimension: null, dimensionKey: null,
      openedById: null, openedAt: AT, statusChangedAt: AT, resolvedAt: null, updatedAt: AT,
    });
    const linked = await insertIncidentCases(store.db, caseIds.map((caseId) => ({ incidentId: incident.id, caseId, reason: 'suggested' as const, linkedById: null, at: AT })));
    expect(linked).toHaveLength(14_000);
    expect(await listIncidentCases(store.db, incident.id, { excludeCategories: [] })).toHaveLength(14_000);
  });

  it('a timeline of 10,000 events is appended in order with its ids (70,000 values)', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      caseId: caseIds[0]!, type: 'message', actorId: null, actorKind: 'customer', at: AT, internal: false, data: { from: 'customer', text: `m${i}` },
    }));
    const stored = await appendCaseEvents(store.db, events);
    expect(stored).toHaveLength(10_000);
    expect(stored.map((e) => e.data.text)).toEqual(events.map((e) => e.data.text));
    expect(new Set(stored.map((e) => e.id)).size).toBe(10_000);
    expect(stored.every((e, i) => i === 0 || e.id > stored[i - 1]!.id)).toBe(true);
  });
});
