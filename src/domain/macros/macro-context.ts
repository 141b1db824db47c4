import type { MacroContext } from './macro-variables.js';

// The values a macro is filled with, from the case, its order and customer, and the person
// replying. Plain shapes, so the domain knows nothing of rows or views.

export interface MacroCaseFacts {
  id: number | string;
  subject: string | null;
  category: string;
  priority: string;
  promisedResolution: string | null;
  promisedBy: string | null;
}

export interface MacroCustomerFacts {
  externalId: string;
  name: string | null;
  email: string | null;
}

export interface MacroOrderFacts {
  number: string;
  placedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  neededBy: string | null;
  fulfillment: string | null;
  destination: string | null;
  /** The total as a decimal string with its currency, when both are known. */
  total: { decimal: string; currency: string } | null;
}

/** "Ava Nguyen" → Ava / Nguyen; a single word is a first name; "Nguyen, Ava" is read as last, first. */
export function splitPersonName(name: string | null): { first: string | null; last: string | null } {
  const clean = (name ?? '').trim().replace(/\s+/g, ' ');
  if (!clean) return { first: null, last: null };
  const comma = clean.indexOf(',');
  if (comma > 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).trim().split(' ')[0] ?? '';
    return { first: first || null, last: last || null };
  }
  const [first, ...rest] = clean.split(' ');
  return { first: first ?? null, last: rest.length ? rest.join(' ') : null };
}

export function buildMacroContext(parts: {
  case: MacroCaseFacts;
  customer: MacroCustomerFacts | null;
  order: MacroOrderFacts | null;
  agent: { name: string | null } | null;
}): MacroContext {
  const { case: c, customer, order, agent } = parts;
  const customerName = splitPersonName(customer?.name ?? null);
  const agentName = splitPersonName(agent?.name ?? null);
  return {
    'customer.firstName': customerName.first,
    'customer.lastName': customerName.last,
    'customer.name': customer?.name ?? null,
    'customer.email': customer?.email ?? null,
    'customer.id': customer?.externalId ?? null,
    'order.number': order?.number ?? null,
    'order.placedAt': order?.placedAt ?? null,
    'order.shippedAt': order?.shippedAt ?? null,
    'order.deliveredAt': order?.deliveredAt ?? null,
    'order.neededBy': order?.neededBy ?? null,
    'order.total': order?.total ?? null,
    'order.fulfillment': order?.fulfillment ?? null,
    'order.destination': order?.destination ?? null,
    'case.id': String(c.id),
    'case.subject': c.subject,
    'case.category': c.category,
    'case.priority': c.priority,
    'case.promisedResolution': c.promisedResolution,
    'case.promisedBy': c.promisedBy,
    'agent.name': agent?.name ?? null,
    'agent.firstName': agentName.first,
  };
}
