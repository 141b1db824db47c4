import { useId } from 'react';
import type { Quote, QuoteReason } from '../../../api/returns-types';
import { humanize } from '../../../lib/format';
import { formatMinor } from '../../../lib/money';

export function ReasonList({ reasons }: { reasons: QuoteReason[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons">
      {reasons.map((r, i) => <li key={`${r.rule}-${i}`}><span className="rule-id">{r.rule}</span> {r.text}</li>)}
    </ul>
  );
}

/** The refund as the contract computes it: items + tax + shipping − deductions − fees (returns-quote.md). */
export function RefundBreakdown({ q }: { q: Pick<Quote, 'currency' | 'itemsTotal' | 'taxTotal' | 'shippingRefund' | 'returnShippingDeduction' | 'restockingFee' | 'refundTotal' | 'storeCreditBonus'> }) {
  const money = (n: number) => formatMinor(n, q.currency);
  return (
    <dl className="kv breakdown">
      <dt>Items</dt><dd>{money(q.itemsTotal)}</dd>
      <dt>Tax</dt><dd>{money(q.taxTotal)}</dd>
      <dt>Original shipping</dt><dd>{money(q.shippingRefund)}</dd>
      <dt>Return shipping</dt><dd>{q.returnShippingDeduction > 0 ? `− ${money(q.returnShippingDeduction)}` : money(0)}</dd>
      <dt>Restocking fee</dt><dd>{q.restockingFee > 0 ? `− ${money(q.restockingFee)}` : money(0)}</dd>
      <dt className="total">Refund total</dt><dd className="total" data-testid="refund-total">{money(q.refundTotal)}</dd>
      {q.storeCreditBonus ? <><dt>Store credit bonus</dt><dd>+ {money(q.storeCreditBonus)}</dd></> : null}
    </dl>
  );
}

export function QuoteResult({ quote }: { quote: Quote }) {
  const id = useId();
  const money = (n: number) => formatMinor(n, quote.currency);
  return (
    <section className={`quote-result ${quote.eligible ? 'is-eligible' : 'is-ineligible'}`} aria-labelledby={`${id}-h`} aria-live="polite">
      <h3 id={`${id}-h`}>Quote</h3>
      <p className="quote-verdict">
        <strong>{quote.eligible ? 'Eligible' : 'Not eligible'}</strong>
        {' · '}{humanize(quote.resolution)}
        {quote.method ? <> to {humanize(quote.method).toLowerCase()}</> : null}
      </p>
      {quote.approvalRequired ? (
        <p className="notice approval-note" role="note">Needs a supervisor&apos;s approval before any money moves (R004-08).</p>
      ) : null}
      <ReasonList reasons={quote.reasons} />
      <div className="table-wrap">
        <table className="data-table compact">
          <caption className="visually-hidden">Quoted lines</caption>
          <thead>
            <tr><th scope="col">SKU</th><th scope="col">Qty</th><th scope="col">Reason</th><th scope="col">Outcome</th><th scope="col" className="num">Amount</th><th scope="col" className="num">Tax</th><th scope="col" className="num">Restocking</th></tr>
          </thead>
          <tbody>
            {quote.lines.map((l, i) => (
              <tr key={`${l.sku}-${i}`}>
                <th scope="row">{l.sku}</th>
                <td>{l.quantity}</td>
                <td>{humanize(l.reason)}</td>
                <td>{l.eligible ? humanize(l.resolution) : 'Denied'}</td>
                <td className="num">{money(l.amount)}</td>
                <td className="num">{money(l.tax)}</td>
                <td className="num">{money(l.restockingFee)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RefundBreakdown q={quote} />
    </section>
  );
}
