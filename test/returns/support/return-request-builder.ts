// Builds quote requests in the wire format of returns-quote.md (decimal strings), starting from the
// contract's own example, so each test states only what it changes.

export interface OrderItemInput {
  sku: string;
  productCategory: string;
  unitPrice: string;
  quantity: number;
  tax?: string;
  discount?: string;
}

export interface ReturnItemInput {
  sku: string;
  quantity: number;
  condition: string;
  reason: string;
}

export interface RequestInput {
  now: string;
  order: {
    number: string;
    currency: string;
    placedAt: string;
    deliveredAt: string;
    shipping: string;
    items: OrderItemInput[];
  };
  items: ReturnItemInput[];
  preferStoreCredit: boolean;
  preferRefund: boolean;
}

/** The request of returns-quote.md verbatim. */
export function contractExampleRequest(): RequestInput {
  return {
    now: '2026-11-20T15:00:00Z',
    order: {
      number: 'ORD-20261020-0001',
      currency: 'USD',
      placedAt: '2026-10-20T10:00:00Z',
      deliveredAt: '2026-10-24T16:00:00Z',
      shipping: '9.99',
      items: [{ sku: 'EAR-01', productCategory: 'electronics', unitPrice: '199.00', quantity: 1, tax: '16.42' }],
    },
    items: [{ sku: 'EAR-01', quantity: 1, condition: 'opened', reason: 'changed_mind' }],
    preferStoreCredit: false,
    preferRefund: false,
  };
}

export function requestWith(changes: {
  now?: string;
  order?: Partial<RequestInput['order']>;
  items?: ReturnItemInput[];
  preferStoreCredit?: boolean;
  preferRefund?: boolean;
}): RequestInput {
  const base = contractExampleRequest();
  return {
    ...base,
    ...changes,
    order: { ...base.order, ...changes.order },
    items: changes.items ?? base.items,
  };
}

/** One order line of `category` at `price` returned whole for `reason` in `condition`. */
export function singleLine(
  reason: string,
  condition = 'unopened',
  options: { category?: string; price?: string; tax?: string; quantity?: number; now?: string } = {},
): RequestInput {
  const quantity = options.quantity ?? 1;
  return requestWith({
    ...(options.now === undefined ? {} : { now: options.now }),
    order: {
      items: [{
        sku: 'SKU-1',
        productCategory: options.category ?? 'apparel',
        unitPrice: options.price ?? '40.00',
        quantity,
        tax: options.tax ?? '3.20',
      }],
    },
    items: [{ sku: 'SKU-1', quantity, condition, reason }],
  });
}
