import { useId, useState, type FormEvent } from 'react';
import { RETURN_CONDITIONS, RETURN_REASONS } from '../../../../domain/returns/return-vocabulary.js';
import { api, ApiError } from '../../../api/client';
import type { CaseDetail } from '../../../api/types';
import type { Quote, Rma } from '../../../api/returns-types';
import { deskCurrency, useSession } from '../../../app/session';
import { Field, FormError } from '../../../components/fields';
import { formatDateTime, humanize, localInputToIso } from '../../../lib/format';
import { useSubmit } from '../../../lib/use-submit';
import { QuoteResult } from './quote-result';
import { buildQuoteRequest, isoToLocalInput, newLine, toFormField, type LineDraft, type ReturnDraft } from './return-draft';

// The returns form on a case (R004-02..R004-08): the order's lines as bought, what comes back and
// why, quoted under the policy in force; then, for those who work returns, requested as an RMA
// with the customer's phone digits as proof of identity.

const CATEGORY_SUGGESTIONS = ['general', 'apparel', 'jewelry', 'beauty', 'electronics', 'gift_card', 'final_sale', 'personalized'];
const LINE_COLUMNS = ['sku', 'productCategory', 'unitPrice', 'quantity', 'tax', 'returnQuantity', 'condition', 'reason'] as const;

function withFormField(error: ApiError | null, returnedLine: number[]): ApiError | null {
  if (!error?.field) return error;
  const mapped = toFormField(error.field, returnedLine);
  return mapped === error.field ? error : new ApiError(error.status, error.code, error.message, mapped);
}

function initialDraft(c: CaseDetail, fallbackCurrency: string): ReturnDraft {
  return {
    currency: c.order?.currency ?? fallbackCurrency,
    placedAt: c.order?.placedAt ?? null,
    deliveredAt: c.order?.deliveredAt ?? null,
    shipping: '0.00',
    lines: [newLine()],
    preferStoreCredit: false,
    preferRefund: false,
  };
}

function LineFields({ line, index, error, canRemove, onChange, onRemove, listId }: {
  line: LineDraft; index: number; error: ApiError | null; canRemove: boolean; listId: string;
  onChange(patch: Partial<LineDraft>): void; onRemove(): void;
}) {
  const name = (col: string) => `lines[${index}].${col}`;
  return (
    <fieldset className="return-line">
      <legend>Line {index + 1}</legend>
      <div className="line-grid">
        <Field label="SKU" name={name('sku')} error={error} render={(a) => <input {...a} value={line.sku} onChange={(e) => onChange({ sku: e.target.value })} required />} />
        <Field label="Product category" name={name('productCategory')} error={error} render={(a) => (
          <input {...a} list={listId} value={line.productCategory} onChange={(e) => onChange({ productCategory: e.target.value })} required />
        )} />
        <Field label="Unit price" name={name('unitPrice')} error={error} render={(a) => (
          <input {...a} inputMode="decimal" placeholder="199.00" value={line.unitPrice} onChange={(e) => onChange({ unitPrice: e.target.value })} required />
        )} />
        <Field label="Qty ordered" name={name('quantity')} error={error} render={(a) => (
          <input {...a} inputMode="numeric" value={line.quantity} onChange={(e) => onChange({ quantity: e.target.value })} required />
        )} />
        <Field label="Line tax" name={name('tax')} error={error} render={(a) => (
          <input {...a} inputMode="decimal" value={line.tax} onChange={(e) => onChange({ tax: e.target.value })} />
        )} />
        <Field label="Qty returned" name={name('returnQuantity')} error={error} hint="0 keeps it" render={(a) => (
          <input {...a} inputMode="numeric" value={line.returnQuantity} onChange={(e) => onChange({ returnQuantity: e.target.value })} />
        )} />
        <Field label="Condition" name={name('condition')} error={error} render={(a) => (
          <select {...a} value={line.condition} onChange={(e) => onChange({ condition: e.target.value })}>
            {RETURN_CONDITIONS.map((x) => <option key={x} value={x}>{humanize(x)}</option>)}
          </select>
        )} />
        <Field label="Reason" name={name('reason')} error={error} render={(a) => (
          <select {...a} value={line.reason} onChange={(e) => onChange({ reason: e.target.value })}>
            {RETURN_REASONS.map((x) => <option key={x} value={x}>{humanize(x)}</option>)}
          </select>
        )} />
      </div>
      {canRemove ? <button type="button" className="button-quiet small" onClick={onRemove}>Remove line {index + 1}</button> : null}
    </fieldset>
  );
}

/** A stored date is the order's own and is sent as it is; a missing one is typed here. */
function OrderDate({ label, name, iso, onChange, error }: { label: string; name: string; iso: string | null; onChange(iso: string | null): void; error: ApiError | null }) {
  const [onFile] = useState(iso !== null);
  if (onFile && iso) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <span className="readonly-value">{formatDateTime(iso)} <span className="muted small">(on the order)</span></span>
      </div>
    );
  }
  return (
    <Field label={label} name={name} error={error} render={(a) => (
      <input {...a} type="datetime-local" value={isoToLocalInput(iso)} onChange={(e) => onChange(localInputToIso(e.target.value))} required />
    )} />
  );
}

export function ReturnQuoteForm({ c, onRequested }: { c: CaseDetail; onRequested(rma: Rma): void }) {
  const session = useSession();
  const id = useId();
  const order = c.order!;
  const [draft, setDraft] = useState<ReturnDraft>(() => initialDraft(c, deskCurrency(session)));
  const [asOf, setAsOf] = useState('');
  const [phoneLast4, setPhoneLast4] = useState('');
  const [note, setNote] = useState('');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [returnedLine, setReturnedLine] = useState<number[]>([]);
  const quoting = useSubmit();
  const requesting = useSubmit();
  const canRequest = session.can('returns.manage');

  const patch = (p: Partial<ReturnDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setQuote(null);
  };
  const patchLine = (i: number, p: Partial<LineDraft>) => patch({ lines: draft.lines.map((l, j) => (j === i ? { ...l, ...p } : l)) });

  const onQuote = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildQuoteRequest(order.number, draft, localInputToIso(asOf));
    setReturnedLine(built.returnedLine);
    requesting.clear();
    const q = await quoting.run(() => api.post<Quote>('/returns/quote', built.body));
    if (q) setQuote(q);
  };
  const onRequest = async () => {
    const built = buildQuoteRequest(order.number, draft, null);
    setReturnedLine(built.returnedLine);
    quoting.clear();
    const body = { ...built.body, phoneLast4: phoneLast4.trim(), caseId: c.id, ...(note.trim() ? { note: note.trim() } : {}) };
    const rma = await requesting.run(() => api.post<Rma>('/rmas', body));
    if (rma) {
      setPhoneLast4('');
      setNote('');
      onRequested(rma);
    }
  };

  const error = withFormField(quoting.error ?? requesting.error, returnedLine);
  const formFields = ['lines', 'currency', 'placedAt', 'deliveredAt', 'shipping', 'now', 'phoneLast4', 'note', 'preferStoreCredit', 'preferRefund'];
  const listId = `${id}-categories`;
  return (
    <form className="return-form" aria-label="Quote a return" onSubmit={onQuote} noValidate>
      <datalist id={listId}>{CATEGORY_SUGGESTIONS.map((x) => <option key={x} value={x} />)}</datalist>
      <div className="order-facts">
        <div className="field"><span className="field-label">Order</span><span className="readonly-value">{order.number}</span></div>
        {order.currency ? (
          <div className="field"><span className="field-label">Currency</span><span className="readonly-value">{order.currency}</span></div>
        ) : (
          <Field label="Currency" name="currency" error={error} render={(a) => <input {...a} className="short" value={draft.currency} onChange={(e) => patch({ currency: e.target.value })} />} />
        )}
        <OrderDate label="Placed" name="placedAt" iso={draft.placedAt} onChange={(v) => patch({ placedAt: v })} error={error} />
        <OrderDate label="Delivered" name="deliveredAt" iso={draft.deliveredAt} onChange={(v) => patch({ deliveredAt: v })} error={error} />
        <Field label="Shipping paid" name="shipping" error={error} render={(a) => (
          <input {...a} className="short" inputMode="decimal" value={draft.shipping} onChange={(e) => patch({ shipping: e.target.value })} />
        )} />
      </div>
      {draft.lines.map((line, i) => (
        <LineFields key={line.key} line={line} index={i} error={error} listId={listId} canRemove={draft.lines.length > 1}
          onChange={(p) => patchLine(i, p)} onRemove={() => patch({ lines: draft.lines.filter((_, j) => j !== i) })} />
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={() => patch({ lines: [...draft.lines, newLine()] })}>Add a line</button>
      </div>
      <div className="option-row">
        <label className="check"><input type="checkbox" checked={draft.preferStoreCredit} onChange={(e) => patch({ preferStoreCredit: e.target.checked })} /> Customer prefers store credit (R004-12)</label>
        <label className="check"><input type="checkbox" checked={draft.preferRefund} onChange={(e) => patch({ preferRefund: e.target.checked })} /> Wrong item: refund instead of a replacement</label>
      </div>
      <Field label="Quote as of (optional what-if)" name="now" error={error} hint="Empty: as of now. An RMA is always requested as of now." className="as-of" render={(a) => (
        <input {...a} type="datetime-local" value={asOf} onChange={(e) => { setAsOf(e.target.value); setQuote(null); }} />
      )} />
      <FormError error={error} fields={[...formFields.filter((f) => f !== 'lines'), ...draft.lines.flatMap((_, i) => LINE_COLUMNS.map((col) => `lines[${i}].${col}`))]} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={quoting.busy}>{quoting.busy ? 'Quoting…' : 'Quote'}</button>
      </div>
      {quote ? <QuoteResult quote={quote} /> : null}
      {canRequest ? (
        <fieldset className="rma-request">
          <legend>Request an RMA</legend>
          <div className="field-pair">
            <Field label="Last 4 digits of the customer's phone" name="phoneLast4" error={error} hint="Identity check (R004-02)" render={(a) => (
              <input {...a} inputMode="numeric" autoComplete="off" maxLength={8} value={phoneLast4} onChange={(e) => setPhoneLast4(e.target.value)} />
            )} />
            <Field label="Note for the approver (optional)" name="note" error={error} render={(a) => (
              <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />
            )} />
          </div>
          <button type="button" className="button primary" disabled={requesting.busy || !phoneLast4.trim()} onClick={() => void onRequest()}>
            {requesting.busy ? 'Requesting…' : 'Request RMA'}
          </button>
        </fieldset>
      ) : null}
    </form>
  );
}
