import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { nextOrderNumber } from '../logs/log-world.js';
import { readCsv } from '../../src/integrations/csv/csv-reader.js';
import { parseImportMapping } from '../../src/services/import/import-mapping.js';
import { importSheet } from '../../src/services/import/import-sheet.js';
import { previewIncidentSuggestions } from '../../src/services/incidents/suggest-incidents.js';
import { findOrderByNumber } from '../../src/store/repositories/order.repository.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { clock } from '../../src/services/clock.js';

// Desks without Shopify give the carrier over the API or in a sheet, so incidents by carrier
// (R001-15 "multiple complaints about the same issue", R000-07) see their complaints too.
const dialects = await availableDialects();
const realNow = clock.now;

describe.each(dialects)('orders.carrier from the API and sheet import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterEach(() => { clock.now = realNow; });
  afterAll(async () => { await t?.close(); });

  const call = (method: 'PUT' | 'POST', url: string, payload: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(t.tokens.agent), payload });

  it('PUT /orders/:number stores the carrier, audited; a bad one is refused naming the field; null clears it', async () => {
    const number = nextOrderNumber();
    const saved = await call('PUT', `/orders/${encodeURIComponent(number)}`, { carrier: ' UPS ' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ number, carrier: 'UPS' });
    const audit = await listAuditEvents(t.store.db, { entityType: 'order', limit: 50 });
    expect(audit.find((a) => a.entityId === saved.json().id)?.data).toMatchObject({ fields: ['carrier'] });
    const bad = await call('PUT', `/orders/${encodeURIComponent(number)}`, { carrier: 42 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'carrier' } });
    expect((await call('PUT', `/orders/${encodeURIComponent(number)}`, { carrier: null })).json()).toMatchObject({ carrier: null });
  });

  it('cases opened over the API with order.carrier become a carrier incident suggestion (R001-15)', async () => {
    clock.now = () => new Date('2032-02-02T09:00:00Z');
    const carrier = `Slowpost ${dialect}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const number = nextOrderNumber();
      const res = await call('POST', '/cases', { category: 'lost_in_transit', subject: 'parcel lost', customer: { id: `C-${number}` }, order: { number, carrier } });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
      expect((await findOrderByNumber(t.store.db, number))!.carrier).toBe(carrier);
    }
    const bad = await call('POST', '/cases', { category: 'lost_in_transit', order: { number: nextOrderNumber(), carrier: ['x'] } });
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'order.carrier' } });
    const { suggestions } = await previewIncidentSuggestions(t.store, t.actors.agent, { now: new Date('2032-02-02T10:00:00Z') });
    expect(suggestions.find((s) => s.dimension === 'carrier' && s.key === carrier.toLowerCase())).toMatchObject({ caseIds: ids });
  });

  it('a sheet column mapped to order.carrier stores the carrier on the order', async () => {
    const mapping = parseImportMapping(
      'sheet: problem_orders\nsource: carrier-test\ncategory: shipping_delay\ncolumns:\n  Order: order.number\n  Customer: customer.id\n  Carrier: order.carrier\n  Issue: subject\n',
      'carrier.mapping.yaml',
    );
    const number = nextOrderNumber();
    const csv = `Order,Customer,Carrier,Issue\n${number},C-${number},Parcelnet,stuck at depot\n`;
    const summary = await importSheet(t.store, SYSTEM_ACTOR, { records: readCsv(Readable.from([csv])), mapping, dryRun: false });
    expect(summary).toMatchObject({ created: 1, invalid: 0 });
    expect((await findOrderByNumber(t.store.db, number))!.carrier).toBe('Parcelnet');
  });
});
