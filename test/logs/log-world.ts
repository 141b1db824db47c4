import type { TestApp } from '../support/app.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { attachCaseFile } from '../../src/services/cases/attach-case-file.js';
import { DomainError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/services/actor.js';

// A desk with cases to log: each case gets its own order (fulfillment given) and customer.

let seq = 0;
export function nextOrderNumber(): string {
  seq += 1;
  return `LOG-${process.pid}-${seq}`;
}

export async function caseWithOrder(
  t: TestApp,
  category: string,
  order: { fulfillment?: string; total?: string } = {},
): Promise<{ caseId: string; orderNumber: string }> {
  const number = nextOrderNumber();
  const view = await openCase(t.store, t.actors.agent, {
    body: {
      category,
      subject: `${category} for ${number}`,
      customer: { id: `CUST-${number}`, name: 'Ada Lovelace', email: 'ada@example.com', phone: '+31 6 1111 2222', vip: true },
      order: { number, total: order.total ?? '129.00', currency: 'EUR', ...(order.fulfillment ? { fulfillment: order.fulfillment } : {}) },
    },
  });
  return { caseId: view.id, orderNumber: number };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

export async function attachImage(t: TestApp, actor: Actor, caseId: string, note?: string): Promise<void> {
  await attachCaseFile(t.store, actor, {
    caseId, fileName: 'screenshot.png', contentType: 'image/png', bytes: PNG, ...(note ? { note } : {}),
    limits: { maxBytes: 1_000_000, allowedTypes: ['image/png', 'image/jpeg'] },
  });
}

export async function refusal(p: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await p;
    return { code: 'ok' };
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, ...(err.field ? { field: err.field } : {}) };
    throw err;
  }
}
