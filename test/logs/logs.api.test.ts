import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { caseWithOrder } from './log-world.js';

// The log routes over HTTP: field-named 4xx, the supplier's scoped view, forms from /logs/types.

describe('log entries over the API', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp('sqlite'); });
  afterAll(async () => { await t?.close(); });

  const call = (role: keyof TestApp['tokens'], method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(t.tokens[role]), ...(payload ? { payload } : {}) });

  it('GET /logs/types describes fields well enough for a generic form; the supplier gets only its types', async () => {
    const agent = (await call('agent', 'GET', '/logs/types')).json() as { types: { key: string; fields: { key: string; type: string; options: string[] | null; requiredAtOpen: boolean; youMayEdit: boolean }[]; transitions: { to: string; requires: unknown[] }[] }[] };
    expect(agent.types.map((x) => x.key)).toEqual(['out_of_stock', 'processing_delay', 'incorrect_address', 'pickup', 'return_to_sender', 'item_issue', 'rush_change', 'store_transfer', 'store_return']);
    const address = agent.types.find((x) => x.key === 'incorrect_address')!;
    expect(address.fields.find((f) => f.key === 'fieldsToConfirm')).toMatchObject({ type: 'enum_list', options: ['shipping_address', 'phone', 'name', 'tax_number'], requiredAtOpen: true, youMayEdit: true });
    expect(address.transitions.find((x) => x.to === 'confirmed')!.requires).toContainEqual(expect.objectContaining({ kind: 'evidence', evidence: 'screenshot_note' }));
    const supplier = (await call('supplier', 'GET', '/logs/types')).json() as { types: { key: string }[] };
    expect(supplier.types.map((x) => x.key)).toEqual(['out_of_stock', 'processing_delay', 'incorrect_address', 'pickup', 'return_to_sender']);
  });

  it('opens, fills in and moves an entry; refusals name the field', async () => {
    const { caseId } = await caseWithOrder(t, 'damaged_item', { fulfillment: 'delivered' });
    expect((await call('agent', 'POST', `/cases/${caseId}/log`, { fields: {} })).json()).toMatchObject({ error: { code: 'invalid_input', field: 'type' } });
    const noKind = await call('agent', 'POST', `/cases/${caseId}/log`, { type: 'item_issue', fields: {} });
    expect(noKind.statusCode).toBe(422);
    expect(noKind.json()).toMatchObject({ error: { field: 'fields.issueKind' } });
    const opened = await call('agent', 'POST', `/cases/${caseId}/log`, { type: 'item_issue', fields: { issueKind: 'misfit', sku: 'RING-GLD-07' } });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ type: 'item_issue', state: 'reported', waitingOn: 'back_office' });
    const badDate = await call('back_office', 'PATCH', `/cases/${caseId}/log`, { fields: { replacementShipDate: 'soon' } });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json()).toMatchObject({ error: { code: 'invalid_input', field: 'fields.replacementShipDate' } });
    const notTheirs = await call('agent', 'PATCH', `/cases/${caseId}/log`, { fields: { replacementInStock: true } });
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json()).toMatchObject({ error: { field: 'fields.replacementInStock' } });
    expect((await call('back_office', 'PATCH', `/cases/${caseId}/log`, { fields: { replacementInStock: true } })).statusCode).toBe(200);
    const noPhoto = await call('back_office', 'POST', `/cases/${caseId}/log/transitions`, { to: 'assessed' });
    expect(noPhoto.statusCode).toBe(412);
    expect(noPhoto.json()).toMatchObject({ error: { code: 'precondition_failed', field: 'evidence.photo' } });
    const agentMove = await call('agent', 'POST', `/cases/${caseId}/log/transitions`, { to: 'assessed' });
    expect(agentMove.statusCode).toBe(403);
    const skip = await call('back_office', 'POST', `/cases/${caseId}/log/transitions`, { to: 'replacement_sent' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ error: { code: 'invalid_transition', field: 'to' } });
    const cancel = await call('agent', 'POST', `/cases/${caseId}/log/transitions`, { to: 'cancelled' });
    expect(cancel.json()).toMatchObject({ error: { code: 'invalid_input', field: 'note' } });
    expect((await call('agent', 'POST', `/cases/${caseId}/log/transitions`, { to: 'cancelled', note: 'customer kept it' })).json()).toMatchObject({ state: 'cancelled', terminal: true });
  });

  it('the supplier sees an out-of-stock task without the customer, and 404s on work outside its queue', async () => {
    const oos = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    expect((await call('supplier', 'POST', `/cases/${oos.caseId}/log`, { type: 'out_of_stock', fields: { sku: 'EAR-HOOP-S' } })).statusCode).toBe(201);
    const view = (await call('supplier', 'GET', `/cases/${oos.caseId}/log`)).json() as Record<string, unknown>;
    expect(view).toMatchObject({ customer: null, order: { number: oos.orderNumber, fulfillment: 'unfulfilled' } });
    expect(JSON.stringify(view)).not.toContain('Ada');
    const damaged = await caseWithOrder(t, 'damaged_item');
    await call('agent', 'POST', `/cases/${damaged.caseId}/log`, { type: 'item_issue', fields: { issueKind: 'damaged' } });
    expect((await call('supplier', 'GET', `/cases/${damaged.caseId}/log`)).statusCode).toBe(404);
    const queue = (await call('supplier', 'GET', '/logs?waitingOn=back_office')).json() as { items: { caseId: string; type: string }[] };
    expect(queue.items.map((i) => i.caseId)).toContain(oos.caseId);
    expect(queue.items.map((i) => i.type)).not.toContain('item_issue');
    expect((await call('agent', 'GET', '/logs?type=nope')).json()).toMatchObject({ error: { field: 'type' } });
  });

  it('the inventory discrepancy report comes as JSON or CSV, for back office and compliance (R001-06)', async () => {
    const json = await call('compliance', 'GET', '/reports/inventory-discrepancies');
    expect(json.statusCode).toBe(200);
    expect((json.json() as { skus: { sku: string }[] }).skus.map((s) => s.sku)).toContain('EAR-HOOP-S');
    const csv = await call('back_office', 'GET', '/reports/inventory-discrepancies?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('sku,entries,open_entries,affected_orders,system_count,physical_count,discrepancy,substitute,backorder,refund,next_restock_date,first_reported_at,last_reported_at');
    expect((await call('supplier', 'GET', '/reports/inventory-discrepancies')).statusCode).toBe(403);
  });
});
