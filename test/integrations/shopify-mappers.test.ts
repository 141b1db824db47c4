import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../src/domain/money/lossless-json.js';
import { DomainError } from '../../src/domain/errors.js';
import { optionalShopifyId } from '../../src/integrations/shopify/shopify-payload.js';
import { mapShopifyOrder } from '../../src/integrations/shopify/shopify-order.mapper.js';
import { mapShopifyCustomer } from '../../src/integrations/shopify/shopify-customer.mapper.js';
import { mapShopifyFulfillment, mapShopifyFulfillmentEvent } from '../../src/integrations/shopify/shopify-fulfillment.mapper.js';
import { chargebackSubject, mapShopifyDispute } from '../../src/integrations/shopify/shopify-dispute.mapper.js';
import { mapShopifyReturnUpdate } from '../../src/integrations/shopify/shopify-return-update.mapper.js';
import { advanceFulfillment } from '../../src/services/integrations/shopify-order-links.js';
import { fixtureText } from './shopify-webhook-kit.js';

const payload = (name: string) => parseJsonLossless(fixtureText(name));

describe('Shopify ids', () => {
  it('the bare id wins over the gid, so cross-references (order_id) match; the gid is the fallback', () => {
    expect(optionalShopifyId('820982911946154500', 'gid://shopify/Order/820982911946154508', 'id')).toBe('820982911946154500');
    expect(optionalShopifyId(undefined, 'gid://shopify/Order/820982911946154508', 'id')).toBe('820982911946154508');
    expect(optionalShopifyId(123, undefined, 'id')).toBe('123');
    expect(optionalShopifyId(null, 'https://www.example.com/', 'id')).toBeNull();
  });

  it('an id that JSON.parse already rounded is refused, never stored wrong', () => {
    expect(() => optionalShopifyId(820982911946154508, undefined, 'order_id')).toThrow(/parseJsonLossless/);
    const order = mapShopifyOrder(parseJsonLossless('{"id": 820982911946154508, "name": "#1"}'));
    expect(order.shopifyOrderId).toBe('820982911946154508');
  });
});

describe('Shopify order → Ladder order', () => {
  it('maps the documentation example: money from strings in minor units, UTC times, customer shopify:<id>', () => {
    const order = mapShopifyOrder(payload('2026-04__orders__create.payload.json'));
    expect(order).toMatchObject({
      shopifyOrderId: '820982911946154500', number: '#9999', currency: 'USD', totalMinor: 40495,
      placedAt: '2022-01-01T00:00:00.000Z', fulfillment: 'unfulfilled', shippedAt: null, storefront: 'web',
      cancelledAt: '2022-01-01T00:00:00.000Z', warnings: [],
    });
    expect(order.customer).toEqual({
      shopifyCustomerId: '115310627314723950', externalId: 'shopify:115310627314723950',
      fields: { name: 'John Smith', email: 'john@example.com', phone: null },
    });
  });

  it('fulfillment_status: fulfilled → shipped at the first successful fulfilment; partial and pending stay unfulfilled (R003-02)', () => {
    const base = { id: 1, name: '#1', currency: 'USD' };
    const fulfilled = mapShopifyOrder({
      ...base, fulfillment_status: 'fulfilled',
      fulfillments: [
        { status: 'success', created_at: '2026-03-02T10:00:00+01:00' },
        { status: 'cancelled', created_at: '2026-03-01T08:00:00Z' },
        { status: 'success', created_at: '2026-03-01T23:00:00-05:00' },
      ],
    });
    expect(fulfilled).toMatchObject({ fulfillment: 'shipped', shippedAt: '2026-03-02T04:00:00.000Z' });
    expect(mapShopifyOrder({ ...base, fulfillment_status: 'partial' }).fulfillment).toBe('unfulfilled');
    expect(mapShopifyOrder({ ...base, fulfillment_status: 'pending' }).fulfillment).toBe('unfulfilled');
    expect(mapShopifyOrder({ ...base, fulfillment_status: 'restocked' }).fulfillment).toBeNull();
  });

  it('unusable optional fields are left out with a warning instead of losing the order', () => {
    const exemplar = mapShopifyOrder(payload('2025-04__orders__1.json'));
    expect(exemplar).toMatchObject({ shopifyOrderId: '123', number: 'example string', currency: null, totalMinor: null, fulfillment: null });
    expect(exemplar.warnings).toEqual(['currency: unknown currency, left out', 'total_price: no usable currency, amount left out']);
    const float = mapShopifyOrder({ id: 2, order_number: 1002, currency: 'usd', total_price: 19.99, created_at: 'yesterday' });
    expect(float).toMatchObject({ number: '1002', currency: 'USD', totalMinor: null, placedAt: null });
    expect(float.warnings).toEqual(['total_price: not a USD decimal string, left out', 'created_at: not a date-time, left out']);
    expect(mapShopifyOrder({ id: 3, name: '#3', currency: 'USD', total_price: '10.005' }).totalMinor).toBe(1001);
  });

  it('an order without id or number is refused with the field named', () => {
    expect(() => mapShopifyOrder({ name: '#1' })).toThrow(DomainError);
    expect(() => mapShopifyOrder({ id: 1 })).toThrow(/name/);
  });

  it('a customer payload keeps only the fields it carries', () => {
    expect(mapShopifyCustomer({ id: '9007199254740993', email: ' A@B.COM ' })).toEqual({
      shopifyCustomerId: '9007199254740993', externalId: 'shopify:9007199254740993', fields: { email: 'a@b.com' },
    });
  });
});

describe('Shopify fulfilments and carrier events', () => {
  const event = (status: string) => mapShopifyFulfillmentEvent({ id: 7, fulfillment_id: 8, order_id: 9, status, happened_at: '2026-03-01T10:00:00Z' });

  it('label_printed, in_transit, out_for_delivery ship; delivered delivers; attempted_delivery and failure are failed attempts', () => {
    expect(['label_printed', 'in_transit', 'out_for_delivery'].map((s) => event(s).effect)).toEqual(['shipped', 'shipped', 'shipped']);
    expect(event('delivered')).toMatchObject({ effect: 'delivered', at: '2026-03-01T10:00:00.000Z', eventId: '7', shopifyOrderId: '9' });
    expect(['attempted_delivery', 'failure'].map((s) => event(s).effect)).toEqual(['failed_attempt', 'failed_attempt']);
    expect(event('something_new').effect).toBeNull();
  });

  it('a fulfilment ships when it succeeded; its own failure is not a delivery attempt', () => {
    const doc = mapShopifyFulfillment(payload('2026-04__fulfillments__create.payload.json'));
    expect(doc).toMatchObject({ fulfillmentId: '123456', shopifyOrderId: '820982911946154500', carrierStatus: 'pending', effect: null, tracking: { company: 'UPS', number: '1z827wk74630' } });
    expect(mapShopifyFulfillment({ id: 1, order_id: 2, status: 'success', created_at: '2026-03-01T10:00:00Z' }).effect).toBe('shipped');
    expect(mapShopifyFulfillment({ id: 1, order_id: 2, status: 'failure' }).effect).toBeNull();
    expect(mapShopifyFulfillment({ id: 1, order_id: 2, status: 'success', shipment_status: 'delivered', updated_at: '2026-03-04T10:00:00Z' }))
      .toMatchObject({ effect: 'delivered', at: '2026-03-04T10:00:00.000Z' });
  });

  it('fulfilment never moves backwards', () => {
    expect(advanceFulfillment(null, 'unfulfilled')).toBe('unfulfilled');
    expect(advanceFulfillment('unfulfilled', 'shipped')).toBe('shipped');
    expect(advanceFulfillment('delivered', 'shipped')).toBeUndefined();
    expect(advanceFulfillment('shipped', 'unfulfilled')).toBeUndefined();
    expect(advanceFulfillment('shipped', null)).toBeUndefined();
  });
});

describe('Shopify disputes and return updates', () => {
  it('a dispute becomes the facts of a chargeback, evidence deadline in UTC', () => {
    const dispute = mapShopifyDispute(payload('2026-04__disputes__create.payload.json'));
    expect(dispute).toMatchObject({
      disputeId: '285332461850802050', shopifyOrderId: '820982911946154500', type: 'chargeback', amount: '11.50', currency: 'CAD',
      reason: 'fraudulent', status: 'under_review', evidenceDueBy: '2021-12-31T00:00:00.000Z', initiatedAt: '2022-01-01T00:00:00.000Z',
    });
    expect(chargebackSubject(dispute, null)).toBe(
      'Chargeback 11.50 CAD on Shopify order 820982911946154500 (fraudulent): under_review, evidence due 2021-12-31T00:00:00.000Z [Shopify dispute 285332461850802050]',
    );
    const exemplar = mapShopifyDispute(payload('2025-04__disputes__1.json'));
    expect(exemplar).toMatchObject({ disputeId: '123', amount: null, currency: null });
    expect(exemplar.warnings).toHaveLength(2);
  });

  it('returns/update is a diff: the return id comes from its gid', () => {
    expect(mapShopifyReturnUpdate(payload('2026-04__returns__update.payload.json'))).toEqual({
      returnId: '123134564567890',
      removedLines: [{ returnLineItemId: '987654321', delta: 2 }],
      changeCounts: {
        'return_line_items.removals': 1, 'restocking_fees.updates': 0, 'restocking_fees.removals': 0,
        'return_shipping_fees.updates': 0, 'return_shipping_fees.removals': 0,
      },
    });
  });
});
