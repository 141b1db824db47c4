import { memo, useId, useMemo } from 'react';
import { attachmentUrl } from '../../api/client';
import type { CaseDetail, TimelineEntry } from '../../api/types';
import { teamLabel, useDirectory, useSession, userLabel } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { describe, type Names } from './timeline-text';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

const Entry = memo(function Entry({ e, caseId, names }: { e: TimelineEntry; caseId: string; names: Names }) {
  const sentence = describe(e, names);
  const time = <time dateTime={e.at} className="entry-time">{formatDateTime(e.at)}</time>;
  if (e.type === 'message') {
    const customer = e.data.from === 'customer';
    return (
      <li className={`entry message ${customer ? 'from-customer' : 'from-agent'}`}>
        <div className="entry-meta"><span className="entry-who">{sentence}</span> {time}</div>
        <p className="entry-body">{str(e.data.text)}</p>
      </li>
    );
  }
  if (e.type === 'note') {
    return (
      <li className="entry note">
        <div className="entry-meta"><span><span className="tag-internal">Internal</span> <span className="entry-who">{sentence}</span></span> {time}</div>
        <p className="entry-body">{str(e.data.text)}</p>
      </li>
    );
  }
  if (e.type === 'attachment_added') {
    const attId = e.data.attachmentId === undefined ? null : String(e.data.attachmentId);
    const url = attId ? attachmentUrl(caseId, attId) : null;
    const image = str(e.data.contentType).startsWith('image/');
    return (
      <li className="entry attachment">
        <div className="entry-meta"><span className="entry-who">{sentence}</span> {time}</div>
        {url ? (
          image ? (
            <a href={url} target="_blank" rel="noreferrer" className="attachment-preview">
              <img src={url} alt={`Attachment ${str(e.data.fileName)}`} loading="lazy" />
            </a>
          ) : (
            <a href={url} target="_blank" rel="noreferrer">Open {str(e.data.fileName)}</a>
          )
        ) : null}
      </li>
    );
  }
  const reasons = e.type === 'decision_changed' && Array.isArray(e.data.reasons) ? (e.data.reasons as { rule: string; text: string }[]) : [];
  return (
    <li className={`entry event event-${e.type}${e.type === 'escalated' ? ' important' : ''}`}>
      <div className="entry-meta">
        <span>{e.internal ? <><span className="tag-internal">Internal</span> </> : null}<span className="entry-sentence">{sentence}</span></span> {time}
      </div>
      {reasons.length > 0 ? (
        <details className="entry-reasons">
          <summary>Reasons</summary>
          <ul className="reasons">
            {reasons.map((r, i) => <li key={i}><code className="rule-id">{r.rule}</code> {r.text}</li>)}
          </ul>
        </details>
      ) : null}
    </li>
  );
});

/** Newest first: what just happened sits right under the composer. */
export function Timeline({ c }: { c: CaseDetail }) {
  const session = useSession();
  const dir = useDirectory();
  const id = useId();
  const names = useMemo<Names>(() => ({
    user: (v) => (String(v) === session.user.id ? 'you' : userLabel(dir, session.user, v === null || v === undefined ? null : String(v))),
    team: (v) => teamLabel(dir, v === null || v === undefined ? null : String(v)),
    actor: (e) => {
      if (e.actor.kind === 'system') return 'Ladder';
      if (e.actor.kind === 'customer') return c.customer?.name ?? 'The customer';
      // An API token acts for its owner: say so, so nobody thinks the person clicked it.
      if (e.actor.kind === 'integration') return e.actor.id ? `${e.actor.id === session.user.id ? 'You' : userLabel(dir, session.user, e.actor.id)} (API token)` : 'An integration';
      if (e.actor.id === null) return 'The operator';
      return e.actor.id === session.user.id ? 'You' : userLabel(dir, session.user, e.actor.id);
    },
  }), [dir, session.user, c.customer?.name]);
  const entries = useMemo(() => [...c.timeline].reverse(), [c.timeline]);
  return (
    <section className="panel timeline" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Timeline</h2>
      <ol className="entries">
        {entries.map((e) => <Entry key={e.id} e={e} caseId={c.id} names={names} />)}
      </ol>
    </section>
  );
}
