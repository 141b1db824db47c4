// What the returns form holds, and the quote request (returns-quote.md § Request) it becomes. Amounts
// stay the decimal strings the person typed: the server parses them in the order's currency and names
// the field it cannot read, which the form maps back onto the line it came from.

export interface LineDraft {
  key: number;
  sku: string;
  productCategory: string;
  unitPrice: string;
  quantity: string;
  tax: string;
  /** 0 or empty: the line stays with the customer. */
  returnQuantity: string;
  condition: string;
  reason: string;
}

export interface ReturnDraft {
  currency: string;
  placedAt: string | null;
  deliveredAt: string | null;
  shipping: string;
  lines: LineDraft[];
  preferStoreCredit: boolean;
  preferRefund: boolean;
}

let nextKey = 1;

export function newLine(): LineDraft {
  return { key: nextKey++, sku: '', productCategory: 'general', unitPrice: '', quantity: '1', tax: '0.00', returnQuantity: '1', condition: 'unopened', reason: 'changed_mind' };
}

const wholeOrRaw = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

export interface BuiltRequest {
  body: Record<string, unknown>;
  /** items[k] of the request is the form's line returnedLine[k]. */
  returnedLine: number[];
}

/** The quote request; `now` only for a what-if quote (an RMA is always requested as of now). */
export function buildQuoteRequest(orderNumber: string, draft: ReturnDraft, now: string | null): BuiltRequest {
  const returnedLine: number[] = [];
  const items: Record<string, unknown>[] = [];
  draft.lines.forEach((line, i) => {
    const qty = line.returnQuantity.trim();
    if (qty === '' || qty === '0') return;
    returnedLine.push(i);
    items.push({ sku: line.sku.trim(), quantity: wholeOrRaw(qty), condition: line.condition, reason: line.reason });
  });
  const order: Record<string, unknown> = {
    number: orderNumber,
    currency: draft.currency.trim().toUpperCase(),
    shipping: draft.shipping.trim() || '0',
    items: draft.lines.map((line) => ({
      sku: line.sku.trim(),
      productCategory: line.productCategory.trim(),
      unitPrice: line.unitPrice.trim(),
      quantity: wholeOrRaw(line.quantity),
      tax: line.tax.trim() || '0',
    })),
  };
  if (draft.placedAt) order.placedAt = draft.placedAt;
  if (draft.deliveredAt) order.deliveredAt = draft.deliveredAt;
  const body: Record<string, unknown> = { order, items };
  if (now) body.now = now;
  if (draft.preferStoreCredit) body.preferStoreCredit = true;
  if (draft.preferRefund) body.preferRefund = true;
  return { body, returnedLine };
}

/**
 * The server names fields of the request (`items[1].reason`, `order.items[0].unitPrice`); the form
 * shows them on its own fields (`lines[2].reason`, `lines[0].unitPrice`).
 */
export function toFormField(field: string | undefined, returnedLine: number[]): string | undefined {
  if (!field) return field;
  const own = /^order\.items\[(\d+)\]\.(\w+)/.exec(field);
  if (own) return `lines[${own[1]}].${own[2]}`;
  const returned = /^items\[(\d+)\]\.(\w+)/.exec(field);
  if (returned) {
    const line = returnedLine[Number(returned[1])];
    if (line === undefined) return field;
    const column = returned[2] === 'quantity' ? 'returnQuantity' : returned[2] === 'sku' ? 'sku' : returned[2]!;
    return `lines[${line}].${column}`;
  }
  if (field === 'items') return 'lines';
  if (field === 'order.items') return 'lines';
  if (field.startsWith('order.')) return field.slice('order.'.length);
  return field;
}

/** An ISO instant as a datetime-local value in the browser's zone (minutes). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
