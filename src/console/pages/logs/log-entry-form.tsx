import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { LogEntry, LogFieldValue, LogTypeDescription } from '../../api/log-types';
import { Field, FormError } from '../../components/fields';
import { DueCountdown } from '../../components/due-countdown';
import { formatDateTime, humanize } from '../../lib/format';
import { useSubmit } from '../../lib/use-submit';
import { LogFieldInput, sameDraft, toDraft, toWire, type Draft } from './log-field-input';

// The form of a case's log entry (issue 8 item 1): its template's fields, the evidence its next
// moves need (present or missing), and the moves this person may make as buttons. A move first
// saves what was typed, then asks the server, whose refusal names the field it is missing
// (412, `fields.<key>` or `evidence.<kind>`) and shows next to that field.

const EVIDENCE_LABELS: Record<string, string> = {
  photo: 'Photo attached to the case',
  screenshot_note: 'Screenshot of the log entry with a note',
  customer_confirmation: 'Customer confirmation recorded',
};

function draftsOf(type: LogTypeDescription, fields: Record<string, LogFieldValue>): Record<string, Draft> {
  return Object.fromEntries(type.fields.map((f) => [f.key, toDraft(f, fields[f.key])]));
}

export function LogEntryForm({ entry, type, onChanged }: { entry: LogEntry; type: LogTypeDescription; onChanged(entry: LogEntry): void }) {
  const saved = useMemo(() => draftsOf(type, entry.fields), [type, entry.fields]);
  const [drafts, setDrafts] = useState(saved);
  // A newer entry from the server (after a save or a move) replaces what the form shows.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setDrafts(saved);
  }
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const path = `/cases/${encodeURIComponent(entry.caseId)}/log`;

  const changed = type.fields.filter((f) => f.youMayEdit && !entry.terminal && !sameDraft(drafts[f.key] ?? '', saved[f.key] ?? ''));
  const neededBy = new Map<string, string>();
  for (const m of entry.nextMoves) for (const u of m.missing) if (!neededBy.has(u.field)) neededBy.set(u.field, `${u.message} — to ${m.label.toLowerCase()}`);

  // Evidence the moves from here ask for; present unless some move still lists it as missing.
  const evidence = new Map<string, { why: string; missing: boolean }>();
  for (const t of type.transitions.filter((x) => x.from.includes(entry.state))) {
    for (const r of t.requires) {
      if (r.kind !== 'evidence') continue;
      const missing = entry.nextMoves.some((m) => m.missing.some((u) => u.field === `evidence.${r.evidence}`));
      const prior = evidence.get(r.evidence);
      evidence.set(r.evidence, { why: prior?.why ?? r.why, missing: (prior?.missing ?? false) || missing });
    }
  }

  const saveChanges = async (): Promise<LogEntry | undefined> => {
    if (changed.length === 0) return entry;
    const fields = Object.fromEntries(changed.map((f) => [f.key, toWire(f, drafts[f.key] ?? '')]));
    return api.patch<LogEntry>(path, { fields });
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const next = await submit.run(saveChanges);
    if (next) onChanged(next);
  };

  const onMove = async (to: string) => {
    const next = await submit.run(async () => {
      const afterSave = await saveChanges();
      if (afterSave && afterSave !== entry) onChanged(afterSave);
      return api.post<LogEntry>(`${path}/transitions`, { to, ...(note.trim() ? { note: note.trim() } : {}) });
    });
    if (next) {
      setNote('');
      onChanged(next);
    }
  };

  const moves = entry.nextMoves.filter((m) => m.allowed);
  // What this person may write is a form; what others wrote is shown as read, and fields nobody
  // filled in that are not this person's to write are left out (issue 8 item 2: only what the task needs).
  const open = !entry.terminal;
  const editable = type.fields.filter((f) => f.youMayEdit && open);
  const given = type.fields.filter((f) => !(f.youMayEdit && open) && entry.fields[f.key] !== undefined);
  const fieldNames = [...editable.map((f) => `fields.${f.key}`), 'note', ...[...evidence.keys()].map((k) => `evidence.${k}`)];
  return (
    <form className="log-entry" onSubmit={onSave} noValidate aria-label={`${entry.typeLabel} log entry`}>
      <div className="log-status">
        <span className="pill">{entry.stateLabel}</span>
        {entry.waitingOn ? <span className="small muted">Waiting on {humanize(entry.waitingOn)}</span> : null}
        {entry.dueAt && !entry.terminal ? <DueCountdown at={entry.dueAt} label="Log entry due" /> : null}
      </div>
      {evidence.size > 0 ? (
        <section aria-label="Required evidence" className="evidence">
          <h4>Evidence</h4>
          <ul className="plain-list">
            {[...evidence].map(([kind, e]) => (
              <li key={kind} className={e.missing ? 'evidence-missing' : 'evidence-present'}>
                <strong>{e.missing ? 'Missing' : 'Present'}:</strong> {EVIDENCE_LABELS[kind] ?? humanize(kind)}
                {e.missing ? <span className="small muted"> — {e.why}</span> : null}
                {submit.error?.field === `evidence.${kind}` ? <small className="field-error" role="alert"> {submit.error.message}</small> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {given.length > 0 ? (
        <dl className="kv log-given" aria-label="Filled in by others">
          {given.map((f) => (
            <div key={f.key} className="kv-row"><dt>{f.label}</dt><dd>{shownValue(entry.fields[f.key])}</dd></div>
          ))}
        </dl>
      ) : null}
      <div className="log-fields">
        {editable.map((f) => (
          <LogFieldInput
            key={f.key}
            def={f}
            value={drafts[f.key] ?? ''}
            error={submit.error}
            needed={neededBy.get(`fields.${f.key}`)}
            onChange={(v) => setDrafts((d) => ({ ...d, [f.key]: v }))}
          />
        ))}
      </div>
      {editable.length === 0 ? null : (
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy || changed.length === 0}>Save fields</button>
        </div>
      )}
      {moves.length > 0 ? (
        <section className="log-moves" aria-label="Moves">
          <h4>Move it on</h4>
          {moves.some((m) => m.noteRequired) ? (
            <Field label="Note for the move" name="note" error={submit.error} hint="Needed to send it back or cancel" render={(a) => (
              <textarea {...a} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            )} />
          ) : null}
          <ul className="plain-list">
            {moves.map((m) => (
              <li key={`${m.to}:${m.label}`}>
                <button type="button" className={m.missing.length === 0 ? 'button primary' : 'button'} disabled={submit.busy} onClick={() => void onMove(m.to)}>
                  {m.label}
                </button>
                {m.missing.length > 0 ? <span className="small muted"> Still needs: {m.missing.map((u) => labelOf(type, u.field)).join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : entry.terminal ? <p className="small muted">This entry is {entry.stateLabel.toLowerCase()}.</p> : <p className="small muted">No move here is yours; it is waiting on {humanize(entry.waitingOn ?? 'others')}.</p>}
      <FormError error={submit.error} fields={fieldNames} />
    </form>
  );
}

function shownValue(value: LogFieldValue | undefined): string {
  if (value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return formatDateTime(value);
  return typeof value === 'string' && /^[a-z]+(_[a-z]+)*$/.test(value) ? humanize(value) : String(value);
}

function labelOf(type: LogTypeDescription, field: string): string {
  if (field.startsWith('evidence.')) return EVIDENCE_LABELS[field.slice(9)] ?? humanize(field.slice(9));
  const key = field.replace(/^fields\./, '');
  return type.fields.find((f) => f.key === key)?.label ?? humanize(key);
}
