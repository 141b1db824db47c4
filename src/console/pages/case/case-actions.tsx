import { useId, useRef, type ReactNode } from 'react';
import type { CaseDetail } from '../../api/types';
import { useSession } from '../../app/session';
import { AssignForm, AttachForm, PromiseForm, StatusForm } from './work-forms';
import { DeescalateForm, EscalateForm, PriorityForm, SignalForm } from './level-forms';

export interface ActionProps {
  c: CaseDetail;
  onUpdated(view: CaseDetail): void;
}

/** Every action the role may take, each a small form that opens on demand. */
export function CaseActions({ c, onUpdated, onReload }: ActionProps & { onReload(): void }) {
  const session = useSession();
  const id = useId();
  const can = session.can;
  const closed = c.status === 'closed';
  const opened = useRef(new Map<string, HTMLDetailsElement>());
  // A form that did its job folds away, so the panel shows what changed rather than a stale form.
  const fold = (key: string) => {
    const el = opened.current.get(key);
    if (el) el.open = false;
  };
  const doneIn = (key: string) => (view: CaseDetail) => {
    fold(key);
    onUpdated(view);
  };
  const sections: { key: string; title: string; body: ReactNode }[] = [];
  if (can('cases.status')) sections.push({ key: 'status', title: 'Change status', body: <StatusForm c={c} onUpdated={doneIn('status')} /> });
  if (can('cases.assign')) sections.push({ key: 'assign', title: 'Assign', body: <AssignForm c={c} onUpdated={doneIn('assign')} /> });
  if (can('cases.escalate') && c.level !== 'L4' && !closed) sections.push({ key: 'escalate', title: 'Escalate', body: <EscalateForm c={c} onUpdated={doneIn('escalate')} /> });
  if (can('cases.deescalate') && c.level !== 'L1' && !closed) sections.push({ key: 'deescalate', title: 'De-escalate', body: <DeescalateForm c={c} onUpdated={doneIn('deescalate')} /> });
  if (can('cases.signal')) sections.push({ key: 'signal', title: 'Record a signal', body: <SignalForm c={c} onUpdated={doneIn('signal')} /> });
  if (can('cases.escalate')) sections.push({ key: 'priority', title: 'Set priority', body: <PriorityForm c={c} onUpdated={doneIn('priority')} /> });
  if (can('cases.status')) sections.push({ key: 'promise', title: 'Set a promise', body: <PromiseForm c={c} onUpdated={doneIn('promise')} /> });
  if (can('cases.attach')) sections.push({ key: 'attach', title: 'Attach a file', body: <AttachForm c={c} onUpdated={doneIn('attach')} onAttached={() => { fold('attach'); onReload(); }} /> });
  if (sections.length === 0) return null;
  return (
    <section className="panel actions-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Actions</h2>
      {sections.map((s) => (
        <details key={s.key} className={`action action-${s.key}`} ref={(el) => { if (el) opened.current.set(s.key, el); else opened.current.delete(s.key); }}>
          <summary>{s.title}</summary>
          <div className="action-body">{s.body}</div>
        </details>
      ))}
    </section>
  );
}
