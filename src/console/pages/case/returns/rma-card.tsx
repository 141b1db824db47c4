import { Fragment, useId } from 'react';
import type { Rma } from '../../../api/returns-types';
import { useDirectory, useSession, userLabel } from '../../../app/session';
import { DueCountdown } from '../../../components/due-countdown';
import { formatDateTime, humanize } from '../../../lib/format';
import { formatMinor } from '../../../lib/money';
import { ReasonList, RefundBreakdown } from './quote-result';
import { RmaActions } from './rma-actions';

const DUE_LABEL: Record<string, string> = {
  confirmation: 'Confirmation with the RMA number (R004-07)',
  label: 'Return label (R004-07)',
  processing: 'Processing after receipt (R004-05)',
  follow_up: 'Supervisor follow-up (R004-08)',
};

const STATE_TONE: Record<string, string> = {
  requested: 'status-new', approved: 'status-open', label_sent: 'status-open', in_transit: 'status-pending',
  received: 'status-pending', inspected: 'status-pending', refunded: 'status-resolved', credited: 'status-resolved',
  denied: 'status-closed', cancelled: 'status-closed',
};

/** One RMA on the case: where it stands, what is due by when, the money, and the next moves. */
export function RmaCard({ rma, onChanged }: { rma: Rma; onChanged(rma: Rma): void }) {
  const id = useId();
  const session = useSession();
  const dir = useDirectory();
  const who = (userId: string | null) => (userId ? userLabel(dir, session.user, userId) : 'the command line');
  const money = (n: number) => formatMinor(n, rma.currency);
  return (
    <section className="rma-card" aria-labelledby={`${id}-h`}>
      <div className="rma-head">
        <h3 id={`${id}-h`} className="rma-number">{rma.number}</h3>
        <span className={`status ${STATE_TONE[rma.state] ?? ''}`} data-testid="rma-state">{humanize(rma.state)}</span>
        <span className="muted small">{humanize(rma.resolution)}{rma.method ? ` · ${humanize(rma.method).toLowerCase()}` : ''}</span>
      </div>
      <dl className="kv">
        <dt>Requested</dt><dd>{formatDateTime(rma.requestedAt)} by {who(rma.requestedBy)}</dd>
        {rma.approvedBy ? <><dt>Approved</dt><dd>{formatDateTime(rma.timestamps.approvedAt)} by {who(rma.approvedBy)}</dd></> : null}
        {rma.deniedBy ? <><dt>Denied</dt><dd>{formatDateTime(rma.timestamps.deniedAt)} by {who(rma.deniedBy)}</dd></> : null}
        {rma.decisionNote ? <><dt>Note</dt><dd>{rma.decisionNote}</dd></> : null}
        {rma.trackingNumber ? <><dt>Tracking</dt><dd className="mono">{rma.trackingNumber}</dd></> : null}
        <dt>Refund</dt><dd><strong>{money(rma.refundTotal)}</strong>{rma.settledTotal !== null ? ` · paid ${money(rma.settledTotal)}` : ''}</dd>
        {rma.due.map((d) => (
          <Fragment key={d.kind}>
            <dt>Due</dt>
            <dd>{DUE_LABEL[d.kind] ?? humanize(d.kind)}: <DueCountdown at={d.dueAt} label={DUE_LABEL[d.kind] ?? d.kind} /> <span className="muted small">({formatDateTime(d.dueAt)})</span></dd>
          </Fragment>
        ))}
        {rma.complete ? <><dt>Done</dt><dd>Nothing left to do on this return.</dd></> : null}
      </dl>
      {rma.approvalRequired ? (
        <div className={rma.approvedBy ? 'notice success' : 'notice approval-note'} role="note">
          <strong>{rma.approvedBy ? 'Supervisor approval given.' : 'Needs a supervisor’s approval (four eyes, R004-08):'}</strong>
          <ReasonList reasons={rma.approvalReasons} />
        </div>
      ) : null}
      <details className="rma-detail">
        <summary>Items and money</summary>
        <ul className="plain">
          {rma.items.map((item, i) => (
            <li key={`${item.sku}-${i}`}>
              <strong>{item.sku}</strong> × {item.quantity} · {humanize(item.reason)}, {humanize(item.condition).toLowerCase()} · {item.eligible ? humanize(item.resolution) : 'denied'} · {money(item.amount)}
              {item.inspection ? <span className="muted small"> · inspected: {humanize(item.inspection.outcome)} → {humanize(item.inspection.disposition)}</span> : null}
            </li>
          ))}
        </ul>
        <RefundBreakdown q={{ ...rma.quote, storeCreditBonus: rma.storeCreditBonus }} />
        {rma.movements.length > 0 ? (
          <>
            <h4 className="small">Money moved</h4>
            <ul className="plain">
              {rma.movements.map((m) => (
                <li key={m.id}>
                  {humanize(m.kind)} {formatMinor(m.amount, m.currency)}{m.bonus ? ` + ${formatMinor(m.bonus, m.currency)} bonus` : ''} · {formatDateTime(m.createdAt)}
                  {m.approvedBy ? ` · approved by ${who(m.approvedBy)}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
      <RmaActions rma={rma} onChanged={onChanged} />
    </section>
  );
}
