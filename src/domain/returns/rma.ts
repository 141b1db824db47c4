import { DomainError } from '../errors.js';
import { isCalendarDate } from './utc-day.js';
import type { Resolution } from './return-vocabulary.js';

// The life of a return merchandise authorisation (R004-05, R004-07, R001-08). The table is the whole
// truth: a move not listed is forbidden, and services never set `state` directly.

export const RMA_STATES = [
  'requested', 'approved', 'denied', 'label_sent', 'in_transit', 'received', 'inspected',
  'refunded', 'credited', 'cancelled',
] as const;
export type RmaState = (typeof RMA_STATES)[number];

export const RMA_EVENTS = [
  'approve', 'deny', 'send_label', 'ship', 'receive', 'inspect', 'refund', 'credit', 'cancel',
] as const;
export type RmaEvent = (typeof RMA_EVENTS)[number];

export const RMA_TRANSITIONS: Readonly<Record<RmaState, Partial<Record<RmaEvent, RmaState>>>> = {
  requested: { approve: 'approved', deny: 'denied', cancel: 'cancelled' },
  approved: { send_label: 'label_sent', cancel: 'cancelled' },
  // A parcel dropped at a store or handed over without a carrier scan is received straight from label_sent.
  label_sent: { ship: 'in_transit', receive: 'received', cancel: 'cancelled' },
  in_transit: { receive: 'received' },
  received: { inspect: 'inspected' },
  inspected: { refund: 'refunded', credit: 'credited' },
  denied: {},
  refunded: {},
  credited: {},
  cancelled: {},
};

export function isTerminalRmaState(state: RmaState): boolean {
  return Object.keys(RMA_TRANSITIONS[state]).length === 0;
}

/** The events the table allows from `state`, in table order. */
export function allowedRmaEvents(state: RmaState): RmaEvent[] {
  return Object.keys(RMA_TRANSITIONS[state]) as RmaEvent[];
}

/**
 * Nothing left to do: a final state, or a replacement once inspected — the replacement left at the
 * approval (R004-04, R001-03) and no money comes back, so there is nothing to refund or credit.
 */
export function rmaIsComplete(state: RmaState, resolution: Resolution): boolean {
  return isTerminalRmaState(state) || (state === 'inspected' && resolution === 'replacement');
}

/** The state after `event`; DomainError('invalid_transition') when the table has no such move. */
export function transitionRma(current: RmaState, event: RmaEvent): RmaState {
  const next = RMA_TRANSITIONS[current]?.[event];
  if (next === undefined) {
    const allowed = Object.keys(RMA_TRANSITIONS[current] ?? {});
    throw new DomainError(
      'invalid_transition',
      `cannot ${event} a return in state ${current}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (final state)'}`,
      'event',
    );
  }
  return next;
}

export type InspectionOutcome = 'resellable' | 'damaged';
export type Disposition = 'restock' | 'returns_area';

/** R001-08: a resellable item goes back to stock; a damaged one to the returns area. */
export function dispositionFor(outcome: InspectionOutcome): Disposition {
  return outcome === 'resellable' ? 'restock' : 'returns_area';
}

// Crockford base32: no I, L, O or U, so a number read aloud or handwritten cannot be misread.
const RMA_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RMA_SUFFIX_LENGTH = 4;

/**
 * "RMA-20261120-7KQ3": the UTC date the RMA was issued and four base32 symbols (20 bits) taken from
 * `random` (at least 3 bytes; pass crypto.getRandomValues output). Pure: the caller owns randomness,
 * and retries on the rare same-day collision the store's unique index reports.
 */
export function formatRmaNumber(issuedAt: Date, random: Uint8Array): string {
  if (random.length < 3) throw new RangeError('formatRmaNumber needs at least 3 random bytes');
  const date = issuedAt.toISOString().slice(0, 10).replaceAll('-', '');
  let bits = ((random[0] ?? 0) << 16) | ((random[1] ?? 0) << 8) | (random[2] ?? 0);
  let suffix = '';
  for (let i = 0; i < RMA_SUFFIX_LENGTH; i += 1) {
    suffix = RMA_ALPHABET[bits & 31] + suffix;
    bits >>>= 5;
  }
  return `RMA-${date}-${suffix}`;
}

/**
 * Normalises what a customer types ("rma 20261120 7kq3", "RMA-20261120-7KQ3") to the canonical form,
 * reading I/L as 1 and O as 0 the Crockford way; undefined when it cannot be an RMA number.
 */
export function normalizeRmaNumber(input: string): string | undefined {
  const match = /^\s*RMA[\s-]*(\d{4})(\d{2})(\d{2})[\s-]*([0-9A-Z]{4})\s*$/i.exec(input);
  if (!match) return undefined;
  const [, y, m, d, raw = ''] = match;
  if (!isCalendarDate(Number(y), Number(m), Number(d))) return undefined;
  const suffix = raw.toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  if ([...suffix].some((c) => !RMA_ALPHABET.includes(c))) return undefined;
  return `RMA-${y}${m}${d}-${suffix}`;
}
