import { useId, useState } from 'react';
import type { CaseDetail } from '../../api/types';
import { Chip, LevelBadge, PriorityBadge } from '../../components/badges';
import { humanize } from '../../lib/format';

const ORDINAL = ['', 'first', 'second', 'third'];

/** Which of the decision's actions someone ticked; kept in this browser only (no server field yet). */
function useChecklist(caseId: string): [Set<string>, (action: string, done: boolean) => void] {
  const key = `ladder:checklist:${caseId}`;
  const [done, setDone] = useState<Set<string>>(() => {
    try {
      return new Set(JSON.parse(window.localStorage.getItem(key) ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  });
  const toggle = (action: string, checked: boolean) => {
    setDone((prev) => {
      const next = new Set(prev);
      if (checked) next.add(action);
      else next.delete(action);
      try {
        window.localStorage.setItem(key, JSON.stringify([...next]));
      } catch {
        // storage full or disabled: the checklist still works for this page view
      }
      return next;
    });
  };
  return [done, toggle];
}

export function DecisionPanel({ c }: { c: CaseDetail }) {
  const d = c.decision;
  const id = useId();
  const [done, toggle] = useChecklist(c.id);
  const signals = Object.entries(d.signals ?? {}).filter(([, n]) => n > 0);
  const overridden = c.overrides.level !== null || c.overrides.priority !== null;
  return (
    <section className="panel decision-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Decision</h2>
      <dl className="decision-summary">
        <div><dt>Priority</dt><dd><PriorityBadge priority={c.priority} /></dd></div>
        <div><dt>Level</dt><dd><LevelBadge level={c.level} /></dd></div>
        <div><dt>Escalated</dt><dd>{c.escalated ? <strong className="text-danger">Yes</strong> : 'No'}</dd></div>
        {d.offense ? <div><dt>Offense</dt><dd>{ORDINAL[d.offense] ?? `${d.offense}th`}</dd></div> : null}
        {d.route?.team ? <div><dt>Route</dt><dd>{humanize(d.route.team)}{d.route.partner ? ` + ${humanize(d.route.partner)}` : ''}</dd></div> : null}
      </dl>
      {overridden ? (
        <p className="small muted">
          Set by a person: {[c.overrides.level ? `level ${c.overrides.level}` : null, c.overrides.priority ? `priority ${c.overrides.priority}` : null].filter(Boolean).join(', ')}.
          {d.level && d.priority ? ` The policy says ${d.priority} at ${d.level}.` : ''}
        </p>
      ) : null}
      {d.redFlags && d.redFlags.length > 0 ? (
        <>
          <h3>Red flags</h3>
          <ul className="chips" aria-label="Red flags">
            {d.redFlags.map((f) => <li key={f}><Chip tone="danger">{humanize(f)}</Chip></li>)}
          </ul>
        </>
      ) : null}
      {signals.length > 0 ? (
        <>
          <h3>Signals</h3>
          <ul className="chips" aria-label="Signals with counts">
            {signals.map(([s, n]) => <li key={s}><Chip tone="info">{humanize(s)} <span className="count">×{n}</span></Chip></li>)}
          </ul>
        </>
      ) : null}
      {d.actions && d.actions.length > 0 ? (
        <fieldset className="checklist">
          <legend>Actions</legend>
          {d.actions.map((a) => (
            <label key={a} className="check">
              <input type="checkbox" checked={done.has(a)} onChange={(e) => toggle(a, e.target.checked)} />
              <span className={done.has(a) ? 'done' : undefined}>{humanize(a)}</span>
            </label>
          ))}
          <small className="hint">Ticks are kept in this browser.</small>
        </fieldset>
      ) : null}
      {d.reasons && d.reasons.length > 0 ? (
        <>
          <h3>Why</h3>
          <ul className="reasons">
            {d.reasons.map((r, i) => (
              <li key={`${r.rule}-${i}`}><code className="rule-id">{r.rule}</code> {r.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {c.policyVersion !== null && d.policyVersion ? <p className="small muted">Policy {d.policyVersion} (version {c.policyVersion})</p> : null}
    </section>
  );
}
