import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { insertUser, findUserByEmail } from '../../src/store/repositories/user.repository.js';
import { upsertCustomer, linkCustomers, linkedCustomerIds } from '../../src/store/repositories/customer.repository.js';
import { insertCase, listCases, priorIssuesOf, type NewCase } from '../../src/store/repositories/case.repository.js';
import { appendCaseEvents, listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { insertOrder, findOrderByNumber } from '../../src/store/repositories/order.repository.js';
import { insertPolicyVersion, findLatestPolicy } from '../../src/store/repositories/policy.repository.js';
import { migrationStatus } from '../../src/store/migrate.js';
import { deliveryJobOf, insertOutboxRowsWithEffects, type NewOutboxRow } from '../../src/store/repositories/outbox.repository.js';
import { listNotifications } from '../../src/store/repositories/notification.repository.js';
import { findJobByKey } from '../../src/store/repositories/job.repository.js';

const dialects = await availableDialects();

function newCase(overrides: Partial<NewCase> = {}): NewCase {
  return {
    subject: 'Broken clasp', category: 'damaged_item', severity: null, channel: 'email', storefront: 'web',
    status: 'new', priority: 'P2', level: 'L1', escalated: false, levelOverride: null, priorityOverride: null,
    policyLevel: 'L1', policyPriority: 'P2', customerId: null, orderId: null, assigneeId: null, teamId: null, partnerTeamId: null,
    promisedResolution: null, promisedBy: null, resolvedById: null, resolvedAt: null, closedAt: null,
    firstResponseAt: null, firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null,
    facts: {}, decision: { priority: 'P2' }, policyVersion: 1, createdById: null,
    createdAt: '2026-11-20T10:00:00.000Z', ...overrides,
  };
}

describe.each(dialects)('repositories on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => { store = await createTestStore(dialect); });
  afterAll(async () => { await store?.dispose(); });

  it('applies every migration and reports none pending', async () => {
    const status = await migrationStatus(store);
    expect(status.pending).toEqual([]);
    expect(status.applied).toContain('202611220400-create-core-tables');
  });

  it('stores users with unique emails', async () => {
    await insertUser(store.db, { email: 'a@example.com', name: 'A', role: 'agent', teamId: null, passwordHash: null, at: '2026-11-20T10:00:00.000Z' });
    expect((await findUserByEmail(store.db, 'a@example.com'))?.role).toBe('agent');
    await expect(insertUser(store.db, { email: 'a@example.com', name: 'B', role: 'agent', teamId: null, passwordHash: null, at: '2026-11-20T10:00:00.000Z' })).rejects.toThrow();
  });

  it('keeps money in minor units and finds orders by number', async () => {
    await insertOrder(store.db, 'ORD-20261101-0042', { totalMinor: 12900, currency: 'USD', fulfillment: 'delivered' }, '2026-11-20T10:00:00.000Z');
    const order = await findOrderByNumber(store.db, 'ORD-20261101-0042');
    expect(order).toMatchObject({ totalMinor: 12900, currency: 'USD', failedDeliveries: 0 });
  });

  it('linked accounts are found transitively in both directions (R003-03)', async () => {
    const at = '2026-11-20T10:00:00.000Z';
    const a = await upsertCustomer(store.db, 'C-A', {}, at);
    const b = await upsertCustomer(store.db, 'C-B', {}, at);
    const c = await upsertCustomer(store.db, 'C-C', {}, at);
    await linkCustomers(store.db, a.id, b.id, 'same address', at);
    await linkCustomers(store.db, b.id, c.id, 'same card', at);
    expect((await linkedCustomerIds(store.db, c.id)).sort()).toEqual([a.id, b.id, c.id].sort());
    await insertCase(store.db, newCase({ customerId: a.id, category: 'damaged_item' }));
    const issues = await priorIssuesOf(store.db, [a.id, b.id, c.id], null);
    expect(issues.map((i) => i.category)).toEqual(['damaged_item']);
  });

  it('pages through cases with a keyset cursor without gaps or repeats', async () => {
    for (let i = 0; i < 25; i++) {
      await insertCase(store.db, newCase({ subject: `case ${i}`, createdAt: `2026-11-21T10:${String(i % 3).padStart(2, '0')}:00.000Z`, priority: i % 2 ? 'P1' : 'P3' }));
    }
    for (const sort of ['created', 'priority', 'due', 'updated'] as const) {
      const seen: number[] = [];
      let after: [string, number] | undefined;
      for (;;) {
        const page = await listCases(store.db, { q: 'case ' }, { sort, limit: 7, ...(after ? { after } : {}) });
        seen.push(...page.items.map((c) => c.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(new Set(seen).size).toBe(25);
      expect(seen.length).toBe(25);
    }
  });

  it('appends timeline events and hides internal ones on request', async () => {
    const c = await insertCase(store.db, newCase());
    await appendCaseEvents(store.db, [
      { caseId: c.id, type: 'message', actorId: null, actorKind: 'customer', at: '2026-11-20T10:00:00.000Z', internal: false, data: { text: 'hi' } },
      { caseId: c.id, type: 'note', actorId: null, actorKind: 'user', at: '2026-11-20T10:01:00.000Z', internal: true, data: { text: 'n' } },
    ]);
    expect((await listCaseEvents(store.db, c.id, { includeInternal: true })).map((e) => e.type)).toEqual(['message', 'note']);
    expect((await listCaseEvents(store.db, c.id, { includeInternal: false })).map((e) => e.type)).toEqual(['message']);
  });

  it('numbers policy versions densely; the latest is in force (R000-13)', async () => {
    await insertPolicyVersion(store.db, { yaml: 'a: 1', label: 'first', authorId: null, at: '2026-11-20T10:00:00.000Z' });
    await insertPolicyVersion(store.db, { yaml: 'a: 2', label: 'second', authorId: null, at: '2026-11-20T11:00:00.000Z' });
    expect(await findLatestPolicy(store.db)).toMatchObject({ version: 2, yaml: 'a: 2' });
  });

  it('writes outbox rows with their in-app notifications and delivery jobs, once per dedupe key', async () => {
    const at = '2026-11-20T10:00:00.000Z';
    const user = await insertUser(store.db, { email: 'notified@example.com', name: 'N', role: 'agent', teamId: null, passwordHash: null, at });
    const job = { kind: 'deliver-outbox', maxAttempts: 10 };
    const rows: NewOutboxRow[] = [
      { channel: 'in_app', dedupeKey: 'k|in_app', caseId: null, event: 'sla_breached', recipient: `user:${user.id}`, sentOnInsert: true, payload: { userId: user.id, kind: 'sla_breached', text: 'Breached "x"' } },
      { channel: 'email', dedupeKey: 'k|email', caseId: null, event: 'sla_breached', recipient: 'notified@example.com', payload: { to: 'notified@example.com' } },
      { channel: 'webhook', dedupeKey: 'k|webhook', caseId: null, event: 'sla.breached', recipient: 'endpoint:1', payload: { endpointId: 1 } },
    ];
    const written = await insertOutboxRowsWithEffects(store.db, rows, at, job);
    expect(written.map((r) => [r.channel, r.state, r.attempts, r.sentAt, r.nextAttemptAt])).toEqual([
      ['in_app', 'sent', 1, at, null], ['email', 'pending', 0, null, at], ['webhook', 'pending', 0, null, at],
    ]);
    expect(written[0]!.id).toBeLessThan(written[1]!.id);
    expect(await listNotifications(store.db, { userId: user.id, limit: 5 })).toMatchObject([{ kind: 'sla_breached', text: 'Breached "x"', outboxId: written[0]!.id, createdAt: at }]);
    for (const row of written.slice(1)) {
      const expected = deliveryJobOf(row, at, job);
      const stored = await store.db.selectFrom('jobs').selectAll().where('key', '=', expected.key).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ kind: expected.kind, payload_json: JSON.stringify(expected.payload), run_at: at, state: 'queued', max_attempts: 10 });
      expect(Number(stored.attempts)).toBe(0);
    }
    expect(await findJobByKey(store.db, `deliver-outbox:${written[0]!.id}`)).toBeUndefined();
    expect(await insertOutboxRowsWithEffects(store.db, rows, at, job)).toEqual([]);
  });
});
