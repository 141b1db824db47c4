import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../src/domain/money/lossless-json.js';
import { mapShopifyReverseDelivery } from '../../src/integrations/shopify/shopify-reverse-delivery.mapper.js';
import { conditionOfShopifyReason, mapShopifyReturnWebhook } from '../../src/integrations/shopify/shopify-returns.mapper.js';
import { returnEventOf, rmaMoveOf } from '../../src/services/integrations/shopify-return-rma.js';
import { fixtureText } from './shopify-webhook-kit.js';

// Shopify's published examples (test/fixtures/shopify-webhooks/PROVENANCE.md) → the RMA facts they carry.
const fixture = (name: string): unknown => parseJsonLossless(fixtureText(name));

describe('Shopify return facts for the RMA (issue 6 item 7)', () => {
  it('a reverse delivery names its return by gid and carries the carrier and tracking number (R004-05)', () => {
    expect(mapShopifyReverseDelivery(fixture('2026-04__reverse_deliveries__attach_deliverable.payload.json'))).toEqual({
      reverseDeliveryId: '9080907654321', returnId: '123134564567890', carrier: 'USPS', trackingNumber: '123345345', trackingUrl: null, labelUrl: null,
    });
  });

  it('each returns topic is the RMA move an agent would make; close and reopen have none', () => {
    const moves = ['request', 'approve', 'decline', 'cancel', 'close', 'reopen'].map((action) => {
      const ret = mapShopifyReturnWebhook(`returns/${action}`, fixture(`2026-04__returns__${action}.payload.json`));
      return [action, rmaMoveOf(ret)?.event ?? null, returnEventOf(ret).info?.kind ?? null];
    });
    expect(moves).toEqual([
      ['request', null, null], ['approve', 'approve', null], ['decline', 'deny', null], ['cancel', 'cancel', null], ['close', null, 'close'], ['reopen', null, 'reopen'],
    ]);
  });

  it('the same return and status is one fact; approve and reopen (both "open") are two', () => {
    const approve = returnEventOf(mapShopifyReturnWebhook('returns/approve', fixture('2026-04__returns__approve.payload.json')));
    const reopen = returnEventOf(mapShopifyReturnWebhook('returns/reopen', fixture('2026-04__returns__reopen.payload.json')));
    expect(approve.factKey).toBe('123134564567890:returns/approve:open');
    expect(reopen.factKey).not.toBe(approve.factKey);
  });

  it('a decline carries Shopify\'s reason and note to the denial the customer is given (R004-09)', () => {
    const ret = mapShopifyReturnWebhook('returns/decline', fixture('2026-04__returns__decline.payload.json'));
    expect(rmaMoveOf(ret)?.body).toEqual({ reason: 'declined in Shopify (return_period_ended: As discussed on the phone, the 30-day return window has ended.)' });
  });

  it('Shopify sends no condition: a defect is defective, anything else opened until inspection (R004-03, R001-08)', () => {
    expect(conditionOfShopifyReason('defective')).toBe('defective');
    expect(['did_not_fit', 'changed_mind', 'wrong_item', 'dissatisfied', null].map((r) => conditionOfShopifyReason(r as never))).toEqual(Array(5).fill('opened'));
  });
});
