import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import {
  RMA_EVENTS, RMA_STATES, RMA_TRANSITIONS, dispositionFor, formatRmaNumber, isTerminalRmaState, normalizeRmaNumber,
  transitionRma, type RmaEvent, type RmaState,
} from '../../src/domain/returns/rma.js';

function run(events: RmaEvent[], from: RmaState = 'requested'): RmaState {
  return events.reduce(transitionRma, from);
}

describe('RMA state machine (R004-05, R004-07, R001-08)', () => {
  it('an approved return goes label → transit → received → inspected → refunded', () => {
    expect(run(['approve', 'send_label', 'ship', 'receive', 'inspect', 'refund'])).toBe('refunded');
    expect(run(['approve', 'send_label', 'ship', 'receive', 'inspect', 'credit'])).toBe('credited');
  });

  it('a parcel handed in without a carrier scan is received straight from label_sent', () => {
    expect(run(['approve', 'send_label', 'receive'])).toBe('received');
  });

  it('a request may be denied or cancelled before the parcel ships, not after', () => {
    expect(run(['deny'])).toBe('denied');
    expect(run(['approve', 'cancel'])).toBe('cancelled');
    expect(run(['approve', 'send_label', 'cancel'])).toBe('cancelled');
    expect(() => run(['approve', 'send_label', 'ship', 'cancel'])).toThrow(DomainError);
  });

  it('nothing is refunded before inspection', () => {
    try {
      run(['approve', 'send_label', 'ship', 'receive', 'refund']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('invalid_transition');
      expect((err as DomainError).message).toBe('event: cannot refund a return in state received (allowed: inspect)');
    }
  });

  it('final states accept no event', () => {
    for (const state of ['denied', 'refunded', 'credited', 'cancelled'] as const) {
      expect(isTerminalRmaState(state)).toBe(true);
      for (const event of RMA_EVENTS) expect(() => transitionRma(state, event)).toThrow(/final state/);
    }
  });

  it('every move either follows the table or throws invalid_transition', () => {
    fc.assert(fc.property(fc.constantFrom(...RMA_STATES), fc.constantFrom(...RMA_EVENTS), (state, event) => {
      const expected = RMA_TRANSITIONS[state][event];
      if (expected) expect(transitionRma(state, event)).toBe(expected);
      else expect(() => transitionRma(state, event)).toThrow(DomainError);
    }));
  });

  it('inspection sends resellable items to stock and damaged ones to the returns area (R001-08)', () => {
    expect(dispositionFor('resellable')).toBe('restock');
    expect(dispositionFor('damaged')).toBe('returns_area');
  });
});

describe('RMA numbers', () => {
  it('read as RMA-<issue date>-<four base32 symbols>', () => {
    expect(formatRmaNumber(new Date('2026-11-20T15:00:00Z'), new Uint8Array([0, 0, 0]))).toBe('RMA-20261120-0000');
    expect(formatRmaNumber(new Date('2026-11-20T15:00:00Z'), new Uint8Array([0xff, 0xff, 0xff]))).toBe('RMA-20261120-ZZZZ');
  });

  it('never contain I, L, O or U, and survive being typed back sloppily', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 3, maxLength: 3 }), (bytes) => {
      const rma = formatRmaNumber(new Date('2026-01-05T00:00:00Z'), bytes);
      expect(rma).toMatch(/^RMA-20260105-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeRmaNumber(rma.toLowerCase().replaceAll('-', ' '))).toBe(rma);
    }));
  });

  it('normalise the letters a customer may mistype', () => {
    expect(normalizeRmaNumber('rma-20261120-7kqo')).toBe('RMA-20261120-7KQ0');
    expect(normalizeRmaNumber('RMA20261120IL23')).toBe('RMA-20261120-1123');
    expect(normalizeRmaNumber('RMA-20261131-7KQ3')).toBeUndefined();
    expect(normalizeRmaNumber('RMA-20261120-7KU3')).toBeUndefined();
  });

  it('need at least three random bytes', () => {
    expect(() => formatRmaNumber(new Date(), new Uint8Array(2))).toThrow(RangeError);
  });
});
