import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth } from '../support/app.js';
import { createShopifyTestApp, newDeliveryId, sendWebhook, type ShopifyTestApp } from './shopify-webhook-kit.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';

// Shopify's mandatory privacy webhooks, done for real (issue 7 item 1): export or erase a person's
// data, keeping anonymised statistics. Bodies follow Shopify's documented shapes; the customer id
// is past 2^53 to prove it is matched by its exact digits.
const dialects = await availableDialects();
const CUSTOMER_ID = '9007199254740993123';

const customerBody = (topic: string) => Buffer.from(
  `{"shop_id":954889,"shop_domain":"example.myshopify.com","customer":{"id":${CUSTOMER_ID},"email":"jane.doe@example.com","phone":"+15555550100"},` +
  (topic === 'customers/data_request' ? '"orders_requested":[299938],"data_request":{"id":9999}}' : '"orders_to_redact":[299938]}'),
);

describe.each(dialects)('Shopify privacy webhooks on %s', (dialect) => {
  let t: ShopifyTestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await createShopifyTestApp(dialect);
    const opened = await openCase(t.store, SYSTEM_ACTOR, {
      body: {
        category: 'damaged_item', subject: 'Jane Doe: cracked vase',
        customer: { id: `shopify:${CUSTOMER_ID}`, name: 'Jane Doe', email: 'jane.doe@example.com', phone: '+15555550100' },
        order: { number: '#1001', total: '80.00', currency: 'USD' },
        timeline: [{ type: 'message', from: 'customer', text: 'Hi, I am Jane Doe at 12 Elm Street, the vase is cracked.' }],
      },
    });
    caseId = opened.id;
    await addCaseMessage(t.store, SYSTEM_ACTOR, { caseId, from: 'agent', text: 'Sorry Jane, a replacement is on its way.' });
  });
  afterAll(async () => { await t?.close(); });

  it('customers/data_request writes everything held about the person to a private export file', async () => {
    const res = await sendWebhook(t.app, { topic: 'customers/data_request', body: customerBody('customers/data_request'), deliveryId: newDeliveryId() });
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('processed');
    const file = `${t.store.dataDir}/exports/shopify-data-request-9999.json`;
    expect(existsSync(file)).toBe(true);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    expect(data.customer).toMatchObject({ externalId: `shopify:${CUSTOMER_ID}`, email: 'jane.doe@example.com' });
    expect(data.cases[0].messages.map((m: { text: string }) => m.text)).toContain('Hi, I am Jane Doe at 12 Elm Street, the vase is cracked.');
  });

  it('customers/redact erases identifiers and texts but keeps the statistics', async () => {
    const res = await sendWebhook(t.app, { topic: 'customers/redact', body: customerBody('customers/redact'), deliveryId: newDeliveryId() });
    expect(res.statusCode).toBe(200);
    const customers = await t.store.db.selectFrom('customers').selectAll().execute();
    expect(customers.some((c) => c.external_id.includes(CUSTOMER_ID) || c.email || c.name)).toBe(false);
    const c = await t.store.db.selectFrom('cases').selectAll().where('id', '=', Number(caseId)).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ category: 'damaged_item', subject: '[redacted]' });
    expect(c.priority).toBe('P2');
    const events = await t.store.db.selectFrom('case_events').select(['type', 'data_json']).where('case_id', '=', Number(caseId)).execute();
    expect(events.map((e) => e.data_json).join(' ')).not.toMatch(/Jane|Elm Street|vase/);
    expect(events.filter((e) => e.type === 'message').length).toBe(2);
    // The raw bodies kept for audit no longer name the person either.
    const bodies = await t.store.db.selectFrom('webhook_deliveries').select('raw_body').execute();
    expect(bodies.map((b) => b.raw_body).join(' ')).not.toContain('jane.doe@example.com');
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?entityType=customer', headers: auth(t.tokens.compliance) });
    expect(audit.json().items[0]).toMatchObject({ action: 'customer.erased' });
    expect(JSON.stringify(audit.json().items[0])).not.toContain('jane');
  });

  it('only compliance and admins may export or erase through the API', async () => {
    await openCase(t.store, SYSTEM_ACTOR, { body: { category: 'order_status', customer: { id: 'C-PRIV', name: 'Priv Person' } } });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/customers/C-PRIV/export', headers: auth(t.tokens.agent) })).statusCode).toBe(403);
    const exp = await t.app.inject({ method: 'GET', url: '/api/v1/customers/C-PRIV/export', headers: auth(t.tokens.compliance) });
    expect(exp.statusCode).toBe(200);
    expect(exp.json().customer.name).toBe('Priv Person');
    const erase = await t.app.inject({ method: 'POST', url: '/api/v1/customers/C-PRIV/erase', headers: auth(t.tokens.compliance), payload: { reason: 'customer asked by email' } });
    expect(erase.statusCode).toBe(200);
    expect(erase.json().customers).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/customers/C-PRIV', headers: auth(t.tokens.compliance) })).statusCode).toBe(404);
  });
});
