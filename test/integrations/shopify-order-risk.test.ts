import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createShopifyTestApp, deliverWebhook, fixtureText, newDeliveryId, sendWebhook, variant, type ShopifyTestApp } from './shopify-webhook-kit.js';

// R000-08: high-risk orders belong in the chargebacks & high fraud risk log. The body is Shopify's
// published orders/risk_assessment_changed example (2025-04__orders__3.json, see
// test/fixtures/shopify-webhooks/PROVENANCE.md), whose values are placeholders ("example string"):
// copies put a real order id and a documented risk level in them.
const dialects = await availableDialects();

const ORDER = fixtureText('2026-04__orders__create.payload.json');
const RISK = fixtureText('2025-04__orders__3.json');

const riskOf = (orderId: string, level: string) => variant(RISK, [
  ['"order_id": "example string"', `"order_id": ${orderId}`],
  ['"admin_graphql_api_order_id": "https://www.example.com/"', `"admin_graphql_api_order_id": "gid://shopify/Order/${orderId}"`],
  ['"risk_level": "example string"', `"risk_level": "${level}"`],
  ['"provider_title": "example string"', '"provider_title": "Shopify Protect"'],
]);

describe.each(dialects)('Shopify high-risk orders on %s (R000-08)', (dialect) => {
  let t: ShopifyTestApp;
  beforeAll(async () => { t = await createShopifyTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const send = (topic: string, body: string, deliveryId?: string) => deliverWebhook(t, topic, body, deliveryId);
  const getCase = (id: unknown, token: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/cases/${String(id)}`, headers: { authorization: `Bearer ${token}` } });
  const logsOf = (caseId: number) => t.store.db.selectFrom('case_logs').selectAll().where('case_id', '=', caseId).execute();
  const orderNamed = (shopifyId: string, name: string) => send('orders/create', variant(ORDER, [['820982911946154500', shopifyId], ['"name": "#9999"', `"name": "${name}"`]]));
  const casesOfOrder = (number: string) => t.store.db.selectFrom('cases').innerJoin('orders', 'orders.id', 'cases.order_id')
    .select(['cases.id', 'cases.category', 'cases.priority', 'cases.level', 'cases.escalated']).where('orders.number', '=', number).orderBy('cases.id').execute();
  const riskNotes = (caseId: number | string) => t.store.db.selectFrom('case_events').select(['type', 'internal', 'data_json'])
    .where('case_id', '=', Number(caseId)).where('type', '=', 'note').execute()
    .then((rows) => rows.filter((r) => (JSON.parse(r.data_json) as { text?: string }).text?.includes('MEDIUM fraud risk')));

  it('a HIGH assessment opens one restricted fraud case with a high_risk_order log entry; repeats open nothing (R000-08)', async () => {
    await send('orders/create', variant(ORDER, [['820982911946154500', '5550000000001'], ['"name": "#9999"', '"name": "#5501"']]));
    expect(await send('orders/risk_assessment_changed', riskOf('5550000000001', 'LOW'))).toMatchObject({ riskLevel: 'LOW', opened: false });

    const high = await send('orders/risk_assessment_changed', riskOf('5550000000001', 'HIGH'));
    expect(high).toMatchObject({ riskLevel: 'HIGH', opened: true, shopifyOrderId: '5550000000001' });
    const seen = await getCase(high.caseId, t.tokens.compliance);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ category: 'fraud', subject: 'High fraud risk: order #5501', order: { number: '#5501' } });
    expect((await getCase(high.caseId, t.tokens.agent)).statusCode).toBe(404);
    const logs = await logsOf(high.caseId);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ type: 'chargeback', state: 'needs_response' });
    expect(JSON.parse(logs[0]!.fields_json)).toEqual({ source: 'high_risk_order', platform: 'shopify', externalRef: '5550000000001', riskLevel: 'high' });
    const audit = await t.store.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'case_log').where('entity_id', '=', String(logs[0]!.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['case_log.opened']);

    expect(await send('orders/risk_assessment_changed', riskOf('5550000000001', 'HIGH'))).toMatchObject({ opened: false, caseId: high.caseId });
    expect(await send('orders/risk_assessment_changed', riskOf('5550000000001', 'high'))).toMatchObject({ opened: false, caseId: high.caseId });
    const fraudCases = await t.store.db.selectFrom('cases').select('id').where('category', '=', 'fraud').execute();
    expect(fraudCases).toHaveLength(1);
  });

  it('a HIGH assessment of an order the desk has not seen still opens its entry, naming the Shopify order; a HIGH body without an order is refused naming order_id', async () => {
    const unknown = await send('orders/risk_assessment_changed', riskOf('5550000000099', 'HIGH'));
    expect(unknown).toMatchObject({ opened: true, orderId: null });
    expect((await getCase(unknown.caseId, t.tokens.compliance)).json()).toMatchObject({ subject: 'High fraud risk: Shopify order 5550000000099' });
    // The published example itself (placeholder level) is processed and changes nothing.
    expect(await send('orders/risk_assessment_changed', RISK)).toMatchObject({ riskLevel: null, opened: false });
    const deliveryId = newDeliveryId();
    const res = await sendWebhook(t.app, { topic: 'orders/risk_assessment_changed', body: variant(RISK, [['"risk_level": "example string"', '"risk_level": "HIGH"']]), deliveryId });
    expect(res.json()).toMatchObject({ outcome: 'failed' });
    const row = await t.store.db.selectFrom('webhook_deliveries').select('result_json').where('delivery_id', '=', deliveryId).executeTakeFirstOrThrow();
    expect(JSON.parse(row.result_json!)).toMatchObject({ outcome: 'failed', field: 'order_id' });
  });

  it('a MEDIUM assessment puts an internal note on each open case of the order, once: a replay or a re-send adds nothing, and no fraud log or signal is recorded (R000-08, R004-08)', async () => {
    await orderNamed('5550000000201', '#5521');
    const opened = await t.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${t.tokens.agent}` },
      payload: { category: 'order_status', subject: 'Where is #5521?', order: { number: '#5521' } },
    });
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json().id as string;
    const before = (await casesOfOrder('#5521'))[0]!;

    const deliveryId = newDeliveryId();
    const first = await send('orders/risk_assessment_changed', riskOf('5550000000201', 'MEDIUM'), deliveryId);
    expect(first).toMatchObject({ riskLevel: 'MEDIUM', opened: false, notedCases: [Number(caseId)] });
    const notes = await riskNotes(caseId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.internal).toBeTruthy();
    expect(JSON.parse(notes[0]!.data_json)).toMatchObject({ source: 'shopify', riskLevel: 'medium', shopifyOrderId: '5550000000201' });
    expect(JSON.parse(notes[0]!.data_json).text).toContain('Shopify rated order #5521 MEDIUM fraud risk (Shopify Protect)');

    // The same delivery again, and the same assessment under a new delivery id: nothing more.
    await send('orders/risk_assessment_changed', riskOf('5550000000201', 'MEDIUM'), deliveryId);
    expect(await send('orders/risk_assessment_changed', riskOf('5550000000201', 'MEDIUM'))).toMatchObject({ opened: false, alreadyReviewed: true });
    expect(await riskNotes(caseId)).toHaveLength(1);
    const after = await casesOfOrder('#5521');
    expect(after).toEqual([before]);
    expect(await logsOf(Number(caseId))).toEqual([]);
    const signals = await t.store.db.selectFrom('case_events').select('id').where('case_id', '=', Number(caseId)).where('type', '=', 'signal').execute();
    expect(signals).toEqual([]);
  });

  it('a MEDIUM assessment of an order with no open case opens one low-priority order_confirmation review case agents see; replays open no second one', async () => {
    await orderNamed('5550000000202', '#5522');
    const first = await send('orders/risk_assessment_changed', riskOf('5550000000202', 'MEDIUM'));
    expect(first).toMatchObject({ riskLevel: 'MEDIUM', opened: true, notedCases: [] });
    const seen = await getCase(first.caseId, t.tokens.agent);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ category: 'order_confirmation', priority: 'P3', level: 'L1', subject: 'Review medium fraud risk: order #5522', order: { number: '#5522' } });
    const notes = await riskNotes(first.caseId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.internal).toBeTruthy();
    expect(JSON.parse(notes[0]!.data_json).text).toContain('record the fraud_suspected signal');

    expect(await send('orders/risk_assessment_changed', riskOf('5550000000202', 'MEDIUM'))).toMatchObject({ opened: false, alreadyReviewed: true, caseId: first.caseId });
    expect(await send('orders/risk_assessment_changed', riskOf('5550000000202', 'medium'))).toMatchObject({ opened: false, caseId: first.caseId });
    expect((await casesOfOrder('#5522')).map((c) => Number(c.id))).toEqual([first.caseId]);
    expect(await riskNotes(first.caseId)).toHaveLength(1);

    // An order the desk has not seen yet: the review case names the Shopify order.
    const unknown = await send('orders/risk_assessment_changed', riskOf('5550000000299', 'MEDIUM'));
    expect(unknown).toMatchObject({ opened: true, orderId: null });
    expect((await getCase(unknown.caseId, t.tokens.agent)).json()).toMatchObject({ subject: 'Review medium fraud risk: Shopify order 5550000000299' });
  });
});
