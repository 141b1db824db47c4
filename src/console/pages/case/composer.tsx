import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { useSession } from '../../app/session';
import { Field, FormError } from '../../components/fields';
import { useSubmit } from '../../lib/use-submit';

type Mode = 'reply' | 'customer' | 'note';

const MODES: { mode: Mode; label: string; permission: string; button: string; hint: string }[] = [
  { mode: 'reply', label: 'Reply to customer', permission: 'cases.reply', button: 'Send reply', hint: 'Recorded as the agent reply on the timeline.' },
  { mode: 'customer', label: 'Log customer message', permission: 'cases.reply', button: 'Log message', hint: 'What the customer wrote; Ladder re-reads it for signals and may re-decide the case.' },
  { mode: 'note', label: 'Internal note', permission: 'cases.note', button: 'Add note', hint: 'Seen by the team only, never by the customer.' },
];

/** Messages and notes: the three ways text lands on a case. */
export function Composer({ c, onUpdated }: { c: CaseDetail; onUpdated(view: CaseDetail): void }) {
  const session = useSession();
  const id = useId();
  const modes = MODES.filter((m) => session.can(m.permission));
  const [mode, setMode] = useState<Mode>(modes[0]?.mode ?? 'note');
  const [text, setText] = useState('');
  const submit = useSubmit();
  const current = modes.find((m) => m.mode === mode) ?? modes[0]!;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() =>
      mode === 'note'
        ? api.post<CaseDetail>(`/cases/${c.id}/notes`, { text })
        : api.post<CaseDetail>(`/cases/${c.id}/messages`, { from: mode === 'customer' ? 'customer' : 'agent', text }),
    );
    if (view) {
      setText('');
      onUpdated(view);
    }
  };

  return (
    <section className={`panel composer mode-${mode}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">Write on the case</h2>
      <form onSubmit={onSubmit}>
        {modes.length > 1 ? <fieldset className="segmented">
          <legend className="visually-hidden">Kind of entry</legend>
          {modes.map((m) => (
            <label key={m.mode} className={m.mode === mode ? 'on' : undefined}>
              <input type="radio" name={`${id}-mode`} value={m.mode} checked={m.mode === mode} onChange={() => { setMode(m.mode); submit.clear(); }} />
              {m.label}
            </label>
          ))}
        </fieldset> : null}
        <Field label={current.label} name="text" error={submit.error} hint={current.hint} render={(a) => (
          <textarea {...a} rows={4} value={text} onChange={(e) => setText(e.target.value)} required />
        )} />
        <FormError error={submit.error} fields={['text']} />
        <div className="form-actions">
          <button type="submit" className={mode === 'note' ? 'button note' : 'button primary'} disabled={submit.busy || !text.trim()}>
            {submit.busy ? 'Saving…' : current.button}
          </button>
        </div>
      </form>
    </section>
  );
}
