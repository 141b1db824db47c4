import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRmaByNumber } from '../../src/store/repositories/rma.repository.js';
import { availableDialects } from '../support/databases.js';
import { createShopifyTestApp, deliverWebhook, fixtureText, newDeliveryId, variant, type ShopifyTestApp } from './shopify-webhook-kit.js';

// Shopify does not order its webhooks: a return can arrive before its order's orders/create. The
// return waits (parked) and the order's webhook applies it, exactly once (R004-05: the return gets
// its RMA). Bodies are Shopify's published examples (test/fixtures/shopify-webhooks/PROVENANCE.md);
// the return examples list no lines, so lines are put in a copy pointing at the order example's items.
const dialects = await availableDialects();

const ORDER = fixtureText('2026-04__orders__create.payload.json');
const REQUEST = fixtureText('2026-04__returns__request.payload.json');
const APPROVE = fixtureText('2026-04__returns__approve.payload.json');
const UPDATE = fixtureText('2026-04__returns__update.payload.json');
const LABEL = fixtureText('2026-04__reverse_deliveries__attach_deliverable.payload.json');
const RETURN_ID = '123134564567890';
const SHOPIFY_ORDER_ID = '4783296544821';
const PHONE_LINE_ITEM = '487817672276298554';

const returnLine = (id: number) => ({
  id, admin_graphql_api_id: `gid://shopify/ReturnLineItem/${id}`,
  fulfillment_line_item: { id: id + 1, line_item: { id: PHONE_LINE_ITEM, admin_graphql_api_id: `gid://shopify/LineItem/${PHONE_LINE_ITEM}` } },
  quantity: 1, return_reason: 'defective', return_reason_note: 'no sound', customer_note: null,
});

describe.each(dialects)('a Shopify return that arrives before its order on %s', (dialect) => {
  let t: ShopifyTestApp;
  beforeAll(async () => { t = await createShopifyTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const send = (topic: string, body: string, deliveryId?: string) => deliverWebhook(t, topic, body, deliveryId);
  const rmaRefs = () => t.store.db.selectFrom('integration_refs').select('entity_id').where('kind', '=', 'rma').where('external_id', '=', RETURN_ID).execute();

  it('returns/request and returns/approve wait for the order; orders/create opens and approves the RMA once; orders/updated applies nothing again (R004-05)', async () => {
    const request = variant(REQUEST, [['"return_line_items": []', `"return_line_items": ${JSON.stringify([returnLine(601)])}`]]);
    const requestId = newDeliveryId();
    const early = await send('returns/request', request, requestId);
    expect(early).toMatchObject({ orderId: null, parked: true, waitingForOrder: SHOPIFY_ORDER_ID });
    const approveId = newDeliveryId();
    expect(await send('returns/approve', APPROVE, approveId)).toMatchObject({ parked: true });
    expect(await rmaRefs()).toEqual([]);

    const order = variant(ORDER, [['820982911946154500', SHOPIFY_ORDER_ID], ['"name": "#9999"', '"name": "#4821"']]);
    const created = await send('orders/create', order);
    expect(created).toMatchObject({ created: true, number: '#4821', appliedReturns: [requestId, approveId] });
    const refs = await rmaRefs();
    expect(refs).toHaveLength(1);
    const rmaRow = await t.store.db.selectFrom('rmas').select('number').where('id', '=', refs[0]!.entity_id!).executeTakeFirstOrThrow();
    const rma = (await findRmaByNumber(t.store.db, rmaRow.number))!;
    expect(rma).toMatchObject({ orderNumber: '#4821', state: 'approved' });
    expect(JSON.parse(rma.itemsJson)).toEqual([expect.objectContaining({ sku: 'SKU2006-001', quantity: 1, reason: 'defective' })]);

    const updated = await send('orders/updated', order);
    expect(updated.appliedReturns).toBeUndefined();
    expect(await rmaRefs()).toHaveLength(1);
    const parked = await t.store.db.selectFrom('parked_shopify_returns').selectAll().where('shopify_order_id', '=', SHOPIFY_ORDER_ID).orderBy('id').execute();
    expect(parked.map((p) => [p.delivery_id, p.topic, p.applied_at !== null])).toEqual([[requestId, 'returns/request', true], [approveId, 'returns/approve', true]]);
    const audit = await t.store.db.selectFrom('audit_events').select(['action', 'data_json']).where('action', '=', 'shopify.parked_return_applied').execute();
    expect(audit.map((a) => JSON.parse(a.data_json).deliveryId).sort()).toEqual([requestId, approveId].sort());
    const rmaAudit = await t.store.db.selectFrom('audit_events').select('action').where('entity_id', '=', rma.number).execute();
    expect(rmaAudit.map((a) => a.action).sort()).toEqual(['rma.approve', 'rma.requested']);

    // Shopify retrying the early request, now that the order is known, changes nothing.
    await send('returns/request', request, requestId);
    expect(await rmaRefs()).toHaveLength(1);
  });

  it('a label and a returns/update that name only the return wait for it too: the order applies request, approval and label in arrival order (R004-05)', async () => {
    const [returnId, orderId] = ['7100000000000001', '4783296544931'];
    const mine = (body: string) => variant(body, [[RETURN_ID, returnId], [SHOPIFY_ORDER_ID, orderId]]).split(SHOPIFY_ORDER_ID).join(orderId);
    const request = mine(variant(REQUEST, [['"return_line_items": []', `"return_line_items": ${JSON.stringify([returnLine(701)])}`]]));
    expect(await send('returns/request', request)).toMatchObject({ parked: true, waitingForOrder: orderId });
    expect(await send('returns/approve', mine(APPROVE))).toMatchObject({ parked: true });
    expect(await send('reverse_deliveries/attach_deliverable', variant(LABEL, [[RETURN_ID, returnId]]))).toMatchObject({ parked: true, waitingForReturn: returnId });
    expect(await send('returns/update', variant(UPDATE, [[RETURN_ID, returnId]]))).toMatchObject({ parked: true, waitingForReturn: returnId });

    const created = await send('orders/create', variant(ORDER, [['820982911946154500', orderId], ['"name": "#9999"', '"name": "#4931"']]));
    expect(created.appliedReturns).toHaveLength(4);
    const ref = await t.store.db.selectFrom('integration_refs').select('entity_id').where('kind', '=', 'rma').where('external_id', '=', returnId).executeTakeFirstOrThrow();
    const rmaRow = await t.store.db.selectFrom('rmas').select(['number', 'case_id']).where('id', '=', ref.entity_id!).executeTakeFirstOrThrow();
    expect(await findRmaByNumber(t.store.db, rmaRow.number)).toMatchObject({ state: 'label_sent', trackingNumber: '123345345' });
    const notes = await t.store.db.selectFrom('case_events').select('data_json').where('case_id', '=', rmaRow.case_id!).where('type', '=', 'note').execute();
    expect(notes.map((n) => JSON.parse(n.data_json).text as string).filter((x) => x.includes(`${returnId} on order #4931 was changed`))).toHaveLength(1);
    const waiting = await t.store.db.selectFrom('parked_shopify_returns').select('id').where('return_id', '=', returnId).where('applied_at', 'is', null).execute();
    expect(waiting).toEqual([]);
    expect((await send('orders/updated', variant(ORDER, [['820982911946154500', orderId], ['"name": "#9999"', '"name": "#4931"']]))).appliedReturns).toBeUndefined();
  });

  it('with the order known, a returns/update that beats its returns/request waits and is applied by the request, once', async () => {
    const [returnId, orderId] = ['7200000000000001', '4783296544941'];
    await send('orders/create', variant(ORDER, [['820982911946154500', orderId], ['"name": "#9999"', '"name": "#4941"']]));
    const updateId = newDeliveryId();
    expect(await send('returns/update', variant(UPDATE, [[RETURN_ID, returnId]]), updateId)).toMatchObject({ parked: true, waitingForReturn: returnId });
    const request = variant(REQUEST, [['"return_line_items": []', `"return_line_items": ${JSON.stringify([returnLine(801)])}`], [RETURN_ID, returnId], [SHOPIFY_ORDER_ID, orderId]]);
    const opened = await send('returns/request', request);
    expect(opened).toMatchObject({ released: [updateId], rma: { openedRma: true } });
    expect((await send('returns/request', request)).released).toBeUndefined();
    const notes = await t.store.db.selectFrom('case_events').select('data_json').where('case_id', '=', opened.rma.caseId).where('type', '=', 'note').execute();
    expect(notes.map((n) => JSON.parse(n.data_json).text as string).filter((x) => x.includes(`${returnId} on order #4941 was changed`))).toHaveLength(1);
  });
});
