import { DomainError } from '../../../src/domain/errors.js';
import { clock } from '../../../src/services/clock.js';
import { openCase } from '../../../src/services/cases/open-case.js';
import type { Actor } from '../../../src/services/actor.js';
import type { TestApp } from '../../support/app.js';

// Shared setup for the RMA service, API and report tests: a customer with a phone on file, an order
// the desk knows, a case about it, and a pinned clock (RMA times are the server's, never the caller's).

export const PHONE = '+1 (555) 625-1199';
export const PHONE_LAST4 = '1199';

const realNow = clock.now;

/** Pins "now" for every use case; restoreClock() puts the real clock back. */
export function pinClock(iso: string): void {
  clock.now = () => new Date(iso);
}

export function restoreClock(): void {
  clock.now = realNow;
}

export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

export interface OrderSetup {
  number: string;
  customerId?: string;
  phone?: string | null;
  storefront?: 'web' | 'marketplace' | 'retail';
  currency?: string;
  placedAt?: string;
  deliveredAt?: string;
  actor?: Actor;
}

/** Opens a return-request case that creates the customer and the order; returns the case id. */
export async function openReturnCase(t: TestApp, o: OrderSetup): Promise<string> {
  const view = await openCase(t.store, o.actor ?? t.actors.agent, {
    body: {
      category: 'return_request',
      ...(o.storefront ? { storefront: o.storefront } : {}),
      customer: { id: o.customerId ?? `CUST-${o.number}`, ...(o.phone === null ? {} : { phone: o.phone ?? PHONE }) },
      order: {
        number: o.number,
        currency: o.currency ?? 'USD',
        placedAt: o.placedAt ?? '2026-10-20T10:00:00Z',
        deliveredAt: o.deliveredAt ?? '2026-10-24T16:00:00Z',
      },
    },
  });
  return view.id;
}

export interface LineSpec {
  sku: string;
  productCategory?: string;
  unitPrice: string;
  quantity?: number;
  tax?: string;
}

export interface ReturnSpec {
  sku: string;
  quantity?: number;
  condition?: string;
  reason?: string;
}

/** The body of POST /rmas: a quote request (returns-quote.md) plus phoneLast4 and an optional case. */
export function rmaBody(o: {
  number: string;
  lines?: LineSpec[];
  returns?: ReturnSpec[];
  shipping?: string;
  caseId?: string;
  phoneLast4?: string;
  preferStoreCredit?: boolean;
  preferRefund?: boolean;
}): Record<string, unknown> {
  const lines = o.lines ?? [{ sku: 'EAR-01', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '16.42' }];
  const returns = o.returns ?? [{ sku: 'EAR-01', quantity: 1, condition: 'opened', reason: 'changed_mind' }];
  return {
    order: {
      number: o.number,
      shipping: o.shipping ?? '9.99',
      items: lines.map((l) => ({ sku: l.sku, productCategory: l.productCategory ?? 'general', unitPrice: l.unitPrice, quantity: l.quantity ?? 1, tax: l.tax ?? '0.00' })),
    },
    items: returns.map((r) => ({ sku: r.sku, quantity: r.quantity ?? 1, condition: r.condition ?? 'unopened', reason: r.reason ?? 'changed_mind' })),
    phoneLast4: o.phoneLast4 ?? PHONE_LAST4,
    ...(o.caseId ? { caseId: o.caseId } : {}),
    ...(o.preferStoreCredit ? { preferStoreCredit: true } : {}),
    ...(o.preferRefund ? { preferRefund: true } : {}),
  };
}

let sequence = 0;
/** A fresh order number in the default format ORD-YYYYMMDD-#### (R004-02). */
export function nextOrderNumber(date = '20261020'): string {
  sequence += 1;
  return `ORD-${date}-${String(sequence).padStart(4, '0')}`;
}
