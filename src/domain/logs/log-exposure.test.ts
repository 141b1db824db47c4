import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.js';
import { LOG_TYPES, logTypeOf } from './log-registry.js';
import { exposedFields, exposureOf, roleMaySeeLog } from './log-exposure.js';
import { describeLogTypes } from './describe-log-types.js';

// Issue 5 item 2: the supplier sees only its queues and only the customer data its task needs.

describe('field exposure per log type', () => {
  it('the supplier works out-of-stock, processing-delay, incorrect-address, pickup and RTS entries only (R000-01)', () => {
    expect(LOG_TYPES.filter((t) => t.supplier).map((t) => t.key)).toEqual(['out_of_stock', 'processing_delay', 'incorrect_address', 'pickup', 'return_to_sender']);
    for (const key of ['item_issue', 'rush_change', 'store_transfer', 'store_return']) {
      expect(roleMaySeeLog(logTypeOf(key), logTypeOf(key).initialState, 'supplier')).toBe(false);
    }
  });

  it('an incorrect-address task shows the supplier the address details, not contact email, payments or history (R000-05)', () => {
    const e = exposureOf(logTypeOf('incorrect_address'), 'supplier');
    expect(e.customer).toEqual(['name', 'phone']);
    expect(e.order).toEqual(['number', 'fulfillment', 'destination']);
    expect(e.fields).toContain('addressOnFile');
    expect(e.fields).toContain('confirmedAddress');
    expect(e.caseContext).toBe(false);
  });

  it('no supplier exposure includes the customer\'s email, VIP flag, order value or failed deliveries', () => {
    for (const t of LOG_TYPES) {
      const e = exposureOf(t, 'supplier');
      expect(e.customer.filter((k) => k === ('email' as string) || k === ('vip' as string)), t.key).toEqual([]);
      expect(e.order.filter((k) => ['total', 'currency', 'failedDeliveries'].includes(k)), t.key).toEqual([]);
    }
  });

  it('every field the supplier is shown or may write exists, and it writes only fields it sees', () => {
    for (const t of LOG_TYPES) {
      const seen = new Set(exposureOf(t, 'supplier').fields);
      for (const k of seen) expect(t.fields.some((f) => f.key === k), `${t.key}.${k}`).toBe(true);
      for (const f of t.fields.filter((f) => f.editableBy.includes('supplier'))) expect(seen.has(f.key), `${t.key}.${f.key}`).toBe(true);
      for (const s of t.states) if (t.transitions.some((tr) => tr.from.includes(s.key) && tr.by.includes('supplier'))) {
        expect(roleMaySeeLog(t, s.key, 'supplier'), `${t.key} ${s.key}`).toBe(true);
      }
    }
  });

  it('a processing delay reaches the supplier only once back office escalates it (R000-03)', () => {
    const t = logTypeOf('processing_delay');
    expect(roleMaySeeLog(t, 'at_risk', 'supplier')).toBe(false);
    expect(roleMaySeeLog(t, 'supplier_follow_up', 'supplier')).toBe(true);
    expect(exposedFields(t, 'supplier', { cause: 'supplier_delay', csMayOffer: ['discount'], offerDetail: '10%' })).toEqual({ cause: 'supplier_delay' });
  });

  it('every other role sees whole entries', () => {
    for (const role of ROLES.filter((r) => r !== 'supplier')) {
      for (const t of LOG_TYPES) expect(exposureOf(t, role).fields).toEqual(t.fields.map((f) => f.key));
    }
  });

  it('the types the API describes to the supplier carry only its fields', () => {
    const types = describeLogTypes('supplier');
    expect(types.map((t) => t.key)).toEqual(['out_of_stock', 'processing_delay', 'incorrect_address', 'pickup', 'return_to_sender']);
    expect(types.find((t) => t.key === 'processing_delay')!.fields.map((f) => f.key)).not.toContain('csMayOffer');
    expect(types.find((t) => t.key === 'processing_delay')!.states.map((s) => s.key)).not.toContain('at_risk');
  });

  it('describes every field well enough for a generic form: type, options, required, who may write', () => {
    for (const t of describeLogTypes('agent')) {
      for (const f of t.fields) {
        expect(typeof f.label).toBe('string');
        if (f.type === 'enum' || f.type === 'enum_list') expect(f.options?.length, `${t.key}.${f.key}`).toBeGreaterThan(0);
      }
    }
    const oos = describeLogTypes('agent').find((t) => t.key === 'out_of_stock')!;
    expect(oos.fields.find((f) => f.key === 'sku')).toMatchObject({ type: 'sku', requiredAtOpen: true, youMayEdit: true });
    expect(oos.fields.find((f) => f.key === 'alternatives')).toMatchObject({ youMayEdit: false });
    expect(oos.youMayOpen).toBe(true);
  });
});
