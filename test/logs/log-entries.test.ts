import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { attachImage, caseWithOrder, refusal } from './log-world.js';
import { openLogEntry } from '../../src/services/logs/open-log-entry.js';
import { updateLogFields } from '../../src/services/logs/update-log-fields.js';
import { moveLogState } from '../../src/services/logs/move-log-state.js';
import { getLogEntry } from '../../src/services/logs/get-log-entry.js';
import { listLogQueueView } from '../../src/services/logs/list-log-queue.js';
import { inventoryDiscrepancyReport } from '../../src/services/logs/inventory-discrepancy-report.js';
import { addInternalNote } from '../../src/services/cases/add-internal-note.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { findOrderByNumber, updateOrder } from '../../src/store/repositories/order.repository.js';
import { clock } from '../../src/services/clock.js';

const dialects = await availableDialects();

describe.each(dialects)('case log entries on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('out of stock: the supplier logs, back office proposes, the supplier sources one of the options (R000-02, R001-06)', async () => {
    const { caseId } = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    const opened = await openLogEntry(t.store, t.actors.supplier, { caseId, type: 'out_of_stock', fields: { sku: 'RING-GLD-07', systemCount: 4 } });
    expect(opened).toMatchObject({ state: 'reported', waitingOn: 'back_office', sku: 'RING-GLD-07' });
    expect(await refusal(updateLogFields(t.store, t.actors.supplier, { caseId, fields: { alternatives: ['RING-GLD-08'] } }))).toEqual({ code: 'forbidden', field: 'fields.alternatives' });
    expect(await refusal(moveLogState(t.store, t.actors.back_office, { caseId, to: 'alternatives_proposed' }))).toEqual({ code: 'precondition_failed', field: 'fields.physicalCount' });
    await updateLogFields(t.store, t.actors.back_office, { caseId, fields: { physicalCount: 0, alternatives: ['RING-GLD-08', 'RING-SLV-07'] } });
    await moveLogState(t.store, t.actors.back_office, { caseId, to: 'alternatives_proposed' });
    expect(await refusal(moveLogState(t.store, t.actors.agent, { caseId, to: 'sourcing' }))).toEqual({ code: 'forbidden', field: 'to' });
    await moveLogState(t.store, t.actors.supplier, { caseId, to: 'sourcing' });
    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { outcome: 'substitute', substituteSku: 'RING-GLD-09' } });
    expect(await refusal(moveLogState(t.store, t.actors.supplier, { caseId, to: 'resolved' }))).toEqual({ code: 'precondition_failed', field: 'fields.substituteSku' });
    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { substituteSku: 'RING-SLV-07' } });
    const done = await moveLogState(t.store, t.actors.supplier, { caseId, to: 'resolved' });
    expect(done).toMatchObject({ state: 'resolved', terminal: true });
    expect(done.closedAt).not.toBeNull();
    expect(await refusal(updateLogFields(t.store, t.actors.back_office, { caseId, fields: { note: 'late' } }))).toEqual({ code: 'conflict', field: 'state' });

    const timeline = (await getCase(t.store, t.actors.lead, { id: caseId })).timeline.map((e) => e.type);
    expect(timeline.filter((e) => e.startsWith('log_'))).toEqual(['log_opened', 'log_updated', 'log_moved', 'log_moved', 'log_updated', 'log_updated', 'log_moved']);
    const audit = await listAuditEvents(t.store.db, { entityType: 'case_log', limit: 50 });
    expect(audit.find((a) => a.action === 'case_log.moved' && a.data.to === 'resolved')).toMatchObject({ actorId: t.actors.supplier.id, data: { caseId: Number(caseId), from: 'sourcing' } });
  });

  it('links every other open order with the same SKU, and orders logged later join (R001-06 "affecting other orders?")', async () => {
    const sku = `SKU-${dialect}-LINK`;
    const a = await caseWithOrder(t, 'damaged_item', { fulfillment: 'packed' });
    await openLogEntry(t.store, t.actors.agent, { caseId: a.caseId, type: 'item_issue', fields: { issueKind: 'wrong_item', sku } });
    const shipped = await caseWithOrder(t, 'damaged_item', { fulfillment: 'shipped' });
    await openLogEntry(t.store, t.actors.agent, { caseId: shipped.caseId, type: 'item_issue', fields: { issueKind: 'damaged', sku } });
    const oos = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    const opened = await openLogEntry(t.store, t.actors.agent, { caseId: oos.caseId, type: 'out_of_stock', fields: { sku } });
    expect(opened.affectedOrders?.map((o) => o.orderNumber)).toEqual([a.orderNumber]);
    const later = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.supplier, { caseId: later.caseId, type: 'out_of_stock', fields: { sku } });
    const seen = await getLogEntry(t.store, t.actors.back_office, { caseId: oos.caseId });
    expect(seen.affectedOrders?.map((o) => o.orderNumber).sort()).toEqual([a.orderNumber, later.orderNumber].sort());
    expect(seen.affectedOrders?.[0]).toMatchObject({ reason: 'same_sku', caseId: a.caseId });
    expect(await refusal(updateLogFields(t.store, t.actors.agent, { caseId: oos.caseId, fields: { affectedOrderNumbers: ['NOPE-1'] } })))
      .toEqual({ code: 'invalid_input', field: 'fields.affectedOrderNumbers[0]' });
    await updateLogFields(t.store, t.actors.agent, { caseId: oos.caseId, fields: { affectedOrderNumbers: [shipped.orderNumber] } });
    const named = await getLogEntry(t.store, t.actors.agent, { caseId: oos.caseId });
    expect(named.affectedOrders?.find((o) => o.orderNumber === shipped.orderNumber)).toMatchObject({ reason: 'named' });
    const bySupplier = await getLogEntry(t.store, t.actors.supplier, { caseId: oos.caseId });
    expect(bySupplier.affectedOrders?.[0]).not.toHaveProperty('caseId');
  });

  it('one entry per case, of a known type, opened by a role its template names', async () => {
    const { caseId } = await caseWithOrder(t, 'processing_delay');
    expect(await refusal(openLogEntry(t.store, t.actors.agent, { caseId, type: 'no_such_type' }))).toEqual({ code: 'invalid_input', field: 'type' });
    expect(await refusal(openLogEntry(t.store, t.actors.agent, { caseId, type: 'processing_delay' }))).toEqual({ code: 'forbidden', field: 'type' });
    expect((await refusal(openLogEntry(t.store, t.actors.compliance, { caseId, type: 'processing_delay' }))).code).toBe('forbidden');
    await openLogEntry(t.store, t.actors.back_office, { caseId, type: 'processing_delay' });
    expect(await refusal(openLogEntry(t.store, t.actors.back_office, { caseId, type: 'processing_delay' }))).toEqual({ code: 'conflict', field: 'type' });
  });

  it('incorrect address: confirmation recorded and an internal note with a screenshot required (R000-05)', async () => {
    const { caseId } = await caseWithOrder(t, 'incorrect_address');
    await openLogEntry(t.store, t.actors.supplier, {
      caseId, type: 'incorrect_address',
      fields: { fieldsToConfirm: ['shipping_address', 'phone'], problem: 'house number missing', addressOnFile: 'Keizersgracht, Amsterdam', phoneOnFile: '+31 6' },
    });
    await moveLogState(t.store, t.actors.agent, { caseId, to: 'contacting_customer' });
    await updateLogFields(t.store, t.actors.agent, { caseId, fields: { confirmedAddress: 'Keizersgracht 1, Amsterdam', confirmedPhone: '+31 6 1111 2222' } });
    expect(await refusal(moveLogState(t.store, t.actors.agent, { caseId, to: 'confirmed' }))).toEqual({ code: 'precondition_failed', field: 'evidence.customer_confirmation' });
    await updateLogFields(t.store, t.actors.agent, { caseId, fields: { customerConfirmedAt: '2026-11-22T10:00:00Z', confirmationChannel: 'phone' } });
    expect(await refusal(moveLogState(t.store, t.actors.agent, { caseId, to: 'confirmed' }))).toEqual({ code: 'precondition_failed', field: 'evidence.screenshot_note' });
    await attachImage(t, t.actors.agent, caseId);
    expect(await refusal(moveLogState(t.store, t.actors.agent, { caseId, to: 'confirmed' }))).toEqual({ code: 'precondition_failed', field: 'evidence.screenshot_note' });
    await addInternalNote(t.store, t.actors.agent, { caseId, text: 'Customer confirmed by phone; screenshot of the log entry attached.' });
    expect(await moveLogState(t.store, t.actors.agent, { caseId, to: 'confirmed' })).toMatchObject({ state: 'confirmed', waitingOn: 'supplier' });
  });

  it('the supplier sees the address task with the address and name, not email, VIP, order value or the timeline (issue 5 item 2)', async () => {
    const { caseId } = await caseWithOrder(t, 'incorrect_address');
    await openLogEntry(t.store, t.actors.agent, {
      caseId, type: 'incorrect_address', fields: { fieldsToConfirm: ['tax_number'], problem: 'tax number for customs', taxNumberOnFile: 'NL-000', contactAttempts: 1 },
    });
    const view = await getLogEntry(t.store, t.actors.supplier, { caseId });
    expect(view.customer).toEqual({ name: 'Ada Lovelace', phone: '+31 6 1111 2222' });
    expect(Object.keys(view.order ?? {}).sort()).toEqual(['destination', 'fulfillment', 'number']);
    expect(view.fields).toEqual({ fieldsToConfirm: ['tax_number'], problem: 'tax number for customs', taxNumberOnFile: 'NL-000' });
    expect(Object.keys(view.case).sort()).toEqual(['id', 'priority', 'status']);
    expect(JSON.stringify(view)).not.toMatch(/ada@example\.com|129|vip|subject/i);
    const agentView = await getLogEntry(t.store, t.actors.agent, { caseId });
    expect(agentView.customer).toMatchObject({ email: 'ada@example.com', vip: true });
    expect(agentView.fields).toHaveProperty('contactAttempts', 1);
  });

  it('the supplier sees a processing delay only once back office hands it over, and only its team\'s (R000-03)', async () => {
    const { caseId } = await caseWithOrder(t, 'processing_delay', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.back_office, { caseId, type: 'processing_delay', fields: { originalShipDate: '2026-11-20', csMayOffer: ['discount'] } });
    expect(await refusal(getLogEntry(t.store, t.actors.supplier, { caseId }))).toEqual({ code: 'not_found', field: 'id' });
    await moveLogState(t.store, t.actors.back_office, { caseId, to: 'supplier_follow_up' });
    const seen = await getLogEntry(t.store, t.actors.supplier, { caseId });
    expect(seen.fields).toEqual({ originalShipDate: '2026-11-20' });
    expect(seen.customer).toBeNull();
    expect(seen.nextMoves.map((m) => m.to)).toEqual(['cause_confirmed']);
    expect(seen.nextMoves[0]!.missing.map((m) => m.field)).toEqual(['fields.cause', 'fields.newShipDate']);
    const queue = await listLogQueueView(t.store, t.actors.supplier, { waitingOn: 'supplier' });
    expect(queue.items.map((i) => i.caseId)).toContain(caseId);
    expect(queue.items.every((i) => ['out_of_stock', 'processing_delay', 'incorrect_address', 'pickup', 'return_to_sender'].includes(i.type))).toBe(true);
    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { cause: 'supplier_delay', newShipDate: '2026-11-28' } });
    expect((await moveLogState(t.store, t.actors.supplier, { caseId, to: 'cause_confirmed' })).state).toBe('cause_confirmed');
    // The supplier never reaches the case itself, with its messages and customer details.
    expect(await refusal(getCase(t.store, t.actors.supplier, { id: caseId }))).toEqual({ code: 'not_found', field: 'id' });

    const { createTeam } = await import('../../src/services/teams/create-team.js');
    const { createUser } = await import('../../src/services/users/create-user.js');
    const { SYSTEM_ACTOR } = await import('../../src/services/actor.js');
    const other = await createTeam(t.store, SYSTEM_ACTOR, { key: `other-supplier-${dialect}`, name: 'Other supplier', kind: 'supplier' });
    const user = await createUser(t.store, SYSTEM_ACTOR, { email: `other-${dialect}@test.ladder`, role: 'supplier', password: 'correct horse battery staple', teamId: Number(other.id) });
    const stranger = { id: Number(user.id), role: 'supplier' as const, teamId: Number(other.id), email: user.email };
    expect(await refusal(getLogEntry(t.store, stranger, { caseId }))).toEqual({ code: 'not_found', field: 'id' });
    expect((await listLogQueueView(t.store, stranger, {})).items.map((i) => i.caseId)).not.toContain(caseId);
  });

  it('the supplier never sees item issues, rush requests or store work, even on a case it supports', async () => {
    const { caseId } = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.agent, { caseId, type: 'rush_change', fields: { requestKind: 'rush' } });
    expect(await refusal(getLogEntry(t.store, t.actors.supplier, { caseId }))).toEqual({ code: 'not_found', field: 'id' });
    expect((await listLogQueueView(t.store, t.actors.supplier, { includeClosed: 'true' })).items.map((i) => i.type)).not.toContain('rush_change');
    expect(await refusal(openLogEntry(t.store, t.actors.supplier, { caseId: (await caseWithOrder(t, 'out_of_stock')).caseId, type: 'item_issue', fields: { issueKind: 'damaged' } })))
      .toEqual({ code: 'forbidden', field: 'type' });
  });

  it('a rush request is answered from the order as it is when moved: shipped meanwhile, approval refused (R001-05)', async () => {
    const { caseId, orderNumber } = await caseWithOrder(t, 'rush_request', { fulfillment: 'packed' });
    const opened = await openLogEntry(t.store, t.actors.agent, { caseId, type: 'rush_change', fields: { requestKind: 'rush' } });
    expect(opened.fields).toMatchObject({ answer: 'needs_unpack_approval', fulfillmentSeen: 'packed' });
    await updateLogFields(t.store, t.actors.back_office, { caseId, fields: { unpackApproved: true, byWhen: '2026-11-22T16:00:00Z' } });
    const order = await findOrderByNumber(t.store.db, orderNumber);
    await updateOrder(t.store.db, order!.id, { fulfillment: 'shipped' }, new Date().toISOString());
    expect(await refusal(moveLogState(t.store, t.actors.back_office, { caseId, to: 'approved' }))).toEqual({ code: 'precondition_failed', field: 'fields.answer' });
    await updateLogFields(t.store, t.actors.back_office, { caseId, fields: { reason: 'It left the warehouse at 10:00.' } });
    expect(await moveLogState(t.store, t.actors.back_office, { caseId, to: 'declined' })).toMatchObject({ state: 'declined', fields: { answer: 'no' } });
  });

  it('item issue: no assessment without a photo of the item (R000-11, R001-04)', async () => {
    const { caseId } = await caseWithOrder(t, 'damaged_item', { fulfillment: 'delivered' });
    await openLogEntry(t.store, t.actors.agent, { caseId, type: 'item_issue', fields: { issueKind: 'damaged', sku: 'NECK-PRL-18' } });
    await updateLogFields(t.store, t.actors.back_office, { caseId, fields: { damageSource: 'carrier', replacementInStock: true } });
    expect(await refusal(moveLogState(t.store, t.actors.back_office, { caseId, to: 'assessed' }))).toEqual({ code: 'precondition_failed', field: 'evidence.photo' });
    await attachImage(t, t.actors.agent, caseId, 'pendant snapped in transit');
    expect((await moveLogState(t.store, t.actors.back_office, { caseId, to: 'assessed' })).state).toBe('assessed');
  });

  it('a store pickup is due ready within 2 hours and leads its queue (R001-09)', async () => {
    const { caseId } = await caseWithOrder(t, 'pickup_order', { fulfillment: 'packed' });
    const before = clock.now().getTime();
    const opened = await openLogEntry(t.store, t.actors.agent, { caseId, type: 'pickup', fields: { pickupKind: 'store', location: 'Amsterdam store' } });
    expect(Date.parse(opened.dueAt!) - Date.parse(opened.openedAt)).toBe(2 * 3600_000);
    expect(Date.parse(opened.openedAt)).toBeGreaterThanOrEqual(before);
    const queue = await listLogQueueView(t.store, t.actors.lead, { type: 'pickup', state: 'logged' });
    expect(queue.items[0]).toMatchObject({ caseId, dueAt: opened.dueAt });
    await updateLogFields(t.store, t.actors.supplier, { caseId, fields: { readyAt: '2026-11-22T10:00:00Z', pickedAndPacked: true, labelled: true, storeNotifiedAt: '2026-11-22T10:00:00Z' } });
    expect((await moveLogState(t.store, t.actors.supplier, { caseId, to: 'ready' })).dueAt).toBeNull();
  });

  it('queue filters are checked and pages follow the cursor', async () => {
    expect(await refusal(listLogQueueView(t.store, t.actors.agent, { state: 'nowhere' }))).toEqual({ code: 'invalid_input', field: 'state' });
    expect(await refusal(listLogQueueView(t.store, t.actors.agent, { waitingOn: 'martians' }))).toEqual({ code: 'invalid_input', field: 'waitingOn' });
    expect(await refusal(listLogQueueView(t.store, t.actors.agent, { cursor: 'zzz' }))).toEqual({ code: 'invalid_input', field: 'cursor' });
    const first = await listLogQueueView(t.store, t.actors.lead, { limit: 2, includeClosed: 'true' });
    expect(first.items).toHaveLength(2);
    const second = await listLogQueueView(t.store, t.actors.lead, { limit: 2, includeClosed: 'true', cursor: first.nextCursor });
    expect(second.items.map((i) => i.caseId)).not.toContain(first.items[0]!.caseId);
  });

  it('the inventory discrepancy report lists out-of-stock SKUs with counts and affected orders (R001-06)', async () => {
    const sku = `SKU-${dialect}-REPORT`;
    for (const systemCount of [6, 5]) {
      const { caseId } = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
      await openLogEntry(t.store, t.actors.supplier, { caseId, type: 'out_of_stock', fields: { sku, systemCount } });
      await updateLogFields(t.store, t.actors.back_office, { caseId, fields: { physicalCount: 1 } });
    }
    const report = await inventoryDiscrepancyReport(t.store, t.actors.back_office, {});
    expect(report.skus.find((s) => s.sku === sku)).toMatchObject({ entries: 2, openEntries: 2, affectedOrders: 2, systemCount: 5, physicalCount: 1, discrepancy: 4 });
    expect(await refusal(inventoryDiscrepancyReport(t.store, t.actors.agent, {}))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(inventoryDiscrepancyReport(t.store, t.actors.lead, { from: 'yesterday' }))).toEqual({ code: 'invalid_input', field: 'from' });
  });
});
