import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../test/policy/policy-test-kit.js';
import { DomainError } from '../errors.js';
import { parseCaseFacts } from './parse-case-facts.js';

const parse = (input: unknown) => parseCaseFacts(input, defaultPolicy().policy);

function errorOf(input: unknown): { field: string | undefined; message: string } {
  try {
    parse(input);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_input');
    return { field: (err as DomainError).field, message: (err as DomainError).message };
  }
  throw new Error('expected the facts to be rejected');
}

describe('parseCaseFacts (decision.md: case facts)', () => {
  it('needs only a category; missing facts stay unknown', () => {
    expect(parse({ category: 'order_status' })).toEqual({ category: 'order_status' });
  });

  it('ignores unknown extra keys', () => {
    expect(parse({ category: 'spam', subject: 'hello', order: { number: 'ORD-1', lineItems: [] } })).toEqual({
      category: 'spam',
      order: { number: 'ORD-1' },
    });
  });

  it('keeps every contract field it knows', () => {
    const facts = {
      now: '2026-11-20T15:00:00Z', channel: 'email', storefront: 'web', category: 'damaged_item', severity: 'minor',
      customer: { id: 'C-1001', vip: false, priorIssues: [{ category: 'damaged_item', at: '2026-09-01T10:00:00Z' }] },
      order: {
        number: 'ORD-20261101-0042', total: '129.00', currency: 'USD', placedAt: '2026-11-01T09:00:00Z',
        deliveredAt: '2026-11-05T16:00:00+01:00', fulfillment: 'delivered', destination: 'domestic', neededBy: '2026-11-25',
        failedDeliveries: 0,
      },
      refund: { amount: '650.00' },
      timeline: [
        { at: '2026-11-20T14:00:00Z', type: 'message', from: 'customer', text: 'hi' },
        { at: '2026-11-20T14:20:00Z', type: 'signal', signal: 'solution_rejected' },
      ],
    };
    expect(parse(facts)).toEqual(facts);
  });

  it('rejects a missing category', () => {
    expect(errorOf({})).toEqual({ field: 'category', message: 'category: required' });
  });

  it('rejects an unknown category by name', () => {
    expect(errorOf({ category: 'foo' }).message).toBe('category: unknown category "foo"');
  });

  it('rejects a float where a decimal string is expected (money is never a float)', () => {
    expect(errorOf({ category: 'order_status', order: { total: 129.0 } }).message).toBe('order.total: expected a decimal string');
    expect(errorOf({ category: 'order_status', order: { total: '1,299.00' } }).message).toBe('order.total: expected a decimal string');
    expect(errorOf({ category: 'refund_request', refund: { amount: '-5.00' } }).message).toBe('refund.amount: expected a decimal string');
  });

  it('rejects an unknown signal with its timeline index', () => {
    const timeline = [{ type: 'note', text: 'x' }, { type: 'signal', signal: 'legal_threat' }, { type: 'signal', signal: 'bar' }];
    expect(errorOf({ category: 'order_status', timeline }).message).toBe('timeline[2].signal: unknown signal "bar"');
  });

  it('rejects a prior issue date that is not an ISO 8601 date-time', () => {
    const customer = { priorIssues: [{ category: 'damaged_item', at: 'last tuesday' }] };
    expect(errorOf({ category: 'damaged_item', customer }).message).toBe('customer.priorIssues[0].at: expected an ISO 8601 date-time');
  });

  it('rejects a local time without an offset as ambiguous', () => {
    expect(errorOf({ category: 'order_status', now: '2026-11-20T15:00:00' }).field).toBe('now');
    expect(errorOf({ category: 'order_status', now: '2026-02-30T15:00:00Z' }).field).toBe('now');
  });

  it('accepts a prior issue without a date (it still counts, R003-03)', () => {
    expect(parse({ category: 'damaged_item', customer: { priorIssues: [{ category: 'wrong_item' }] } }).customer).toEqual({
      priorIssues: [{ category: 'wrong_item' }],
    });
  });

  it('names the field of a wrong enum or type', () => {
    expect(errorOf({ category: 'order_status', channel: 'fax' }).message).toBe(
      'channel: expected one of email, chat, phone, social, web_form, store, marketplace',
    );
    expect(errorOf({ category: 'order_status', customer: { vip: 'yes' } }).field).toBe('customer.vip');
    expect(errorOf({ category: 'order_status', order: { failedDeliveries: 1.5 } }).field).toBe('order.failedDeliveries');
    expect(errorOf({ category: 'order_status', order: { neededBy: '25/11/2026' } }).field).toBe('order.neededBy');
    expect(errorOf({ category: 'order_status', timeline: {} }).field).toBe('timeline');
    expect(errorOf({ category: 'order_status', timeline: [{ type: 'message', from: 'bot', text: 'x' }] }).field).toBe('timeline[0].from');
    expect(errorOf({ category: 'order_status', customer: [] }).message).toBe('customer: expected an object');
  });

  it('rejects input that is not an object', () => {
    expect(errorOf([1]).field).toBeUndefined();
    expect(errorOf('damaged_item').message).toBe('expected a case-facts object');
  });

  it('carries other timeline events without deciding on them', () => {
    expect(parse({ category: 'order_status', timeline: [{ type: 'status_change', to: 'open' }] }).timeline).toEqual([{ type: 'note' }]);
  });
});
