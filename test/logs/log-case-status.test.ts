import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseWithOrder } from './log-world.js';
import { openLogEntry } from '../../src/services/logs/open-log-entry.js';
import { updateLogFields } from '../../src/services/logs/update-log-fields.js';
import { moveLogState } from '../../src/services/logs/move-log-state.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';

// Issue 5: the case follows its log entry — pending_supplier / pending_customer while the entry waits
// on them (the SLA clocks pause), open when it comes back, resolved at a final state the shipped
// policy lists (policy/default-policy.yaml `caseLogs:`). Each automatic change says why.
const dialects = await availableDialects();

describe.each(dialects)('case status follows its log entry on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const statusOf = async (caseId: string) => (await getCase(t.store, t.actors.lead, { id: caseId })).status;
  const clockStates = async (caseId: string) => {
    const rows = await t.store.db.selectFrom('case_clocks').select(['kind', 'state']).where('case_id', '=', Number(caseId)).orderBy('kind').execute();
    return [...new Set(rows.filter((r) => r.state !== 'met').map((r) => r.state))];
  };
  const automaticChanges = async (caseId: string) =>
    (await getCase(t.store, t.actors.lead, { id: caseId })).timeline
      .filter((e) => e.type === 'status_changed')
      .map((e) => ({ actor: e.actor.kind, to: e.data.to, reason: e.data.reason }));

  it('pickup: opened in the supplier\'s queue → pending_supplier; ready → open; instructions sent → pending_customer; collected → resolved (R000-06, R001-09)', async () => {
    const { caseId } = await caseWithOrder(t, 'pickup_order');
    await openLogEntry(t.store, t.actors.agent, { caseId, type: 'pickup', fields: { pickupKind: 'carrier_point', location: 'PostNL point Damrak' } });
    expect(await statusOf(caseId)).toBe('pending_supplier');
    expect(await clockStates(caseId)).toEqual(['paused']);

    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { readyAt: '2026-11-22T10:00:00Z' } });
    await moveLogState(t.store, t.actors.supplier, { caseId, to: 'ready' });
    expect(await statusOf(caseId)).toBe('open');
    expect(await clockStates(caseId)).not.toContain('paused');

    await updateLogFields(t.store, t.actors.agent, { caseId, fields: { pickupInstructions: 'Bring your ID', instructionsSentAt: '2026-11-22T10:30:00Z' } });
    const notified = await moveLogState(t.store, t.actors.agent, { caseId, to: 'customer_notified' });
    expect(notified.case).toMatchObject({ status: 'pending_customer' });
    expect(await clockStates(caseId)).toEqual(['paused']);

    await updateLogFields(t.store, t.actors.agent, { caseId, fields: { collectedAt: '2026-11-23T09:00:00Z' } });
    await moveLogState(t.store, t.actors.agent, { caseId, to: 'collected' });
    expect(await statusOf(caseId)).toBe('resolved');

    expect(await automaticChanges(caseId)).toEqual([
      { actor: 'system', to: 'pending_supplier', reason: 'the pickup order entry moved to "Logged: prepare for pickup": waiting on the supplier, so the SLA clocks pause' },
      { actor: 'system', to: 'open', reason: 'the pickup order entry moved to "Ready: send the customer instructions": back with the desk, no longer waiting on the supplier' },
      { actor: 'system', to: 'pending_customer', reason: 'the pickup order entry moved to "Customer has the instructions": waiting on the customer, so the SLA clocks pause' },
      { actor: 'system', to: 'resolved', reason: 'the pickup order entry moved to "Collected": the policy resolves the case when a pickup entry ends collected' },
    ]);
    const audit = await listAuditEvents(t.store.db, { entityType: 'case_log', limit: 100 });
    const moved = audit.find((a) => a.action === 'case_log.moved' && a.data.caseId === Number(caseId) && a.data.to === 'collected');
    expect(moved?.data.caseStatus).toMatchObject({ to: 'resolved' });
  });

  it('processing delay: handed to the supplier → pending_supplier; cause confirmed by the supplier → open (R000-03)', async () => {
    const { caseId } = await caseWithOrder(t, 'processing_delay', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.back_office, { caseId, type: 'processing_delay', fields: { originalShipDate: '2026-11-20' } });
    const before = await statusOf(caseId);
    expect(before).not.toMatch(/^pending_/);
    await moveLogState(t.store, t.actors.back_office, { caseId, to: 'supplier_follow_up' });
    expect(await statusOf(caseId)).toBe('pending_supplier');
    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { cause: 'supplier_delay', newShipDate: '2026-11-28' } });
    await moveLogState(t.store, t.actors.supplier, { caseId, to: 'cause_confirmed' });
    expect(await statusOf(caseId)).toBe('open');
  });

  it('out of stock: a final state the policy does not list ends the wait but leaves the case open for the agent (R001-10)', async () => {
    const { caseId } = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.agent, { caseId, type: 'out_of_stock', fields: { sku: `OOS-${dialect}` } });
    await updateLogFields(t.store, t.actors.back_office, { caseId, fields: { physicalCount: 0, alternatives: ['ALT-1'] } });
    await moveLogState(t.store, t.actors.back_office, { caseId, to: 'alternatives_proposed' });
    await moveLogState(t.store, t.actors.supplier, { caseId, to: 'sourcing' });
    expect(await statusOf(caseId)).toBe('pending_supplier');
    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { outcome: 'backorder', restockDate: '2026-12-20' } });
    await moveLogState(t.store, t.actors.supplier, { caseId, to: 'resolved' });
    expect(await statusOf(caseId)).toBe('open');
    expect((await automaticChanges(caseId)).at(-1)?.reason).toBe('the out of stock entry moved to "Resolved": no longer waiting on the supplier');
  });

  it('incorrect address: contacting the customer → pending_customer; a status a person set is left alone while the entry stays with the desk (R000-05)', async () => {
    const { caseId } = await caseWithOrder(t, 'incorrect_address');
    await openLogEntry(t.store, t.actors.agent, { caseId, type: 'incorrect_address', fields: { fieldsToConfirm: ['phone'], problem: 'phone has 5 digits' } });
    await changeCaseStatus(t.store, t.actors.agent, { caseId, status: 'pending_internal' });
    await updateLogFields(t.store, t.actors.agent, { caseId, fields: { contactAttempts: 1 } });
    expect(await statusOf(caseId)).toBe('pending_internal');
    await moveLogState(t.store, t.actors.agent, { caseId, to: 'contacting_customer' });
    expect(await statusOf(caseId)).toBe('pending_customer');
    expect(await clockStates(caseId)).toEqual(['paused']);
    await moveLogState(t.store, t.actors.agent, { caseId, to: 'cancelled', note: 'logged on the wrong order' });
    expect(await statusOf(caseId)).toBe('open');
  });
});
