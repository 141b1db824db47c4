import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { CaseDetail } from '../../api/types';
import { useSession } from '../../app/session';
import { Field, FormError } from '../../components/fields';
import { useSubmit } from '../../lib/use-submit';
import { blanksIn, MacroPicker, type MacroPreview } from './macro-picker';

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
  // The macro a reply started from: the reply goes out through macro-reply, which records it.
  const [macro, setMacro] = useState<{ id: string; version: number; title: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  // A blank to select once the macro text is on screen (selecting before the render is lost).
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);
  const [picks, setPicks] = useState(0);
  const submit = useSubmit();
  const current = modes.find((m) => m.mode === mode) ?? modes[0]!;
  const fromMacro = mode === 'reply' && macro !== null;
  const blanks = fromMacro ? blanksIn(text) : [];

  const selectBlank = (after: number) => {
    const el = textarea.current;
    const next = blanks.find((b) => b.start >= after) ?? blanks[0];
    if (!el || !next) return;
    el.focus();
    el.setSelectionRange(next.start, next.end);
  };

  const onPicked = (p: MacroPreview) => {
    submit.clear();
    setText(p.text);
    setMacro({ id: p.macroId, version: p.version, title: p.title });
    pendingSelection.current = p.unfilled[0] ?? { start: 0, end: 0 };
    setPicks((n) => n + 1);
  };

  useLayoutEffect(() => {
    const el = textarea.current;
    const sel = pendingSelection.current;
    if (!el || !sel) return;
    pendingSelection.current = null;
    el.focus();
    el.setSelectionRange(sel.start, sel.end);
  }, [text, picks]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const view = await submit.run(() =>
      mode === 'note'
        ? api.post<CaseDetail>(`/cases/${c.id}/notes`, { text })
        : fromMacro
          ? api.post<CaseDetail>(`/cases/${c.id}/macro-reply`, { macroId: macro.id, macroVersion: macro.version, text })
          : api.post<CaseDetail>(`/cases/${c.id}/messages`, { from: mode === 'customer' ? 'customer' : 'agent', text }),
    );
    if (view) {
      setText('');
      setMacro(null);
      onUpdated(view);
    }
  };

  const hint = fromMacro
    ? `From the macro “${macro.title}” (version ${macro.version}). ${blanks.length ? `${blanks.length} blank${blanks.length === 1 ? '' : 's'} left to fill. ` : ''}Fit it to this customer: how much you change it is recorded.`
    : current.hint;

  return (
    <section className={`panel composer mode-${mode}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">Write on the case</h2>
      <form onSubmit={onSubmit}>
        {modes.length > 1 ? <fieldset className="segmented">
          <legend className="visually-hidden">Kind of entry</legend>
          {modes.map((m) => (
            <label key={m.mode} className={m.mode === mode ? 'on' : undefined}>
              <input type="radio" name={`${id}-mode`} value={m.mode} checked={m.mode === mode} onChange={() => { setMode(m.mode); setMacro(null); submit.clear(); }} />
              {m.label}
            </label>
          ))}
        </fieldset> : null}
        {mode === 'reply' && session.can('macros.read') ? <MacroPicker caseId={c.id} onPicked={onPicked} /> : null}
        <Field label={current.label} name="text" error={submit.error} hint={hint} render={(a) => (
          <textarea {...a} ref={textarea} rows={fromMacro ? 10 : 4} value={text} onChange={(e) => setText(e.target.value)} required />
        )} />
        <FormError error={submit.error} fields={['text']} />
        <div className="form-actions">
          <button type="submit" className={mode === 'note' ? 'button note' : 'button primary'} disabled={submit.busy || !text.trim() || blanks.length > 0}>
            {submit.busy ? 'Saving…' : current.button}
          </button>
          {blanks.length > 0 ? (
            <button type="button" className="button small" onClick={() => selectBlank(textarea.current?.selectionEnd ?? 0)}>Next blank</button>
          ) : null}
          {fromMacro ? (
            <button type="button" className="button-quiet" onClick={() => { setMacro(null); setText(''); submit.clear(); }}>Discard macro</button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
