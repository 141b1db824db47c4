import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { LogEntry, LogTypeDescription } from '../../api/log-types';
import { deskCurrency, useSession } from '../../app/session';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { useLogTypes } from '../../lib/log-types';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { LogEntryForm } from './log-entry-form';
import { LogFieldInput } from './log-field-input';
import { SupplierTeamControl } from './supplier-team-control';
import { MinorAmountPreview } from './minor-amount-preview';
import { openingDrafts, toWire, type Draft } from './log-draft';

// The case's log entry (R000-12: every request is logged with its template). Loaded apart from the
// case (GET /cases/:id/log), and as its own chunk: the case page shows it when the role reads logs.

export default function CaseLogPanel({ caseId, category, caseUpdatedAt, onCaseChanged }: { caseId: string; category: string; caseUpdatedAt: string; onCaseChanged(): void }) {
  const session = useSession();
  const types = useLogTypes(session.user);
  const entry = useResource<LogEntry | null>(`case-log:${caseId}`, () =>
    api.get<LogEntry>(`/cases/${encodeURIComponent(caseId)}/log`).catch((err: unknown) => {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }));
  // A photo or note added elsewhere on the case can satisfy the entry's evidence: ask again,
  // quietly, whenever the case changes (typed drafts survive unless the fields themselves changed).
  const seenVersion = useRef(caseUpdatedAt);
  const setEntry = entry.set;
  useEffect(() => {
    if (seenVersion.current === caseUpdatedAt) return;
    seenVersion.current = caseUpdatedAt;
    let live = true;
    api.get<LogEntry>(`/cases/${encodeURIComponent(caseId)}/log`).then((next) => live && setEntry(next), () => {});
    return () => {
      live = false;
    };
  }, [caseId, caseUpdatedAt, setEntry]);
  const changed = (next: LogEntry) => {
    entry.set(next);
    onCaseChanged();
  };
  const type = entry.data ? types.data?.find((t) => t.key === entry.data!.type) : undefined;

  return (
    <section className="panel case-log" aria-labelledby="case-log-h">
      <h2 id="case-log-h">{entry.data ? `Log: ${entry.data.typeLabel}` : 'Log entry'}</h2>
      <ErrorNote error={entry.error ?? types.error} title="Could not load the log entry." />
      {entry.loading || types.loading ? <p className="loading small">Loading…</p> : null}
      {entry.data && type ? <SupplierTeamControl entry={entry.data} type={type} onChanged={changed} /> : null}
      {entry.data && type ? <LogEntryForm entry={entry.data} type={type} onChanged={changed} /> : null}
      {entry.data === null && !entry.loading && types.data ? (
        session.can('logs.write')
          ? <OpenLogForm caseId={caseId} category={category} types={types.data.filter((t) => t.youMayOpen)} onOpened={changed} />
          : <p className="small muted">Not logged yet.</p>
      ) : null}
    </section>
  );
}

function OpenLogForm({ caseId, category, types, onOpened }: { caseId: string; category: string; types: LogTypeDescription[]; onOpened(entry: LogEntry): void }) {
  const session = useSession();
  const suggested = types.find((t) => t.categories.includes(category)) ?? types[0];
  const [typeKey, setTypeKey] = useState(suggested?.key ?? '');
  const startDrafts = (key: string) => openingDrafts(types.find((t) => t.key === key)?.fields ?? [], deskCurrency(session));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => startDrafts(suggested?.key ?? ''));
  const submit = useSubmit();
  const type = types.find((t) => t.key === typeKey);
  if (!type) return <p className="small muted">No log template is yours to open.</p>;
  const fields = type.fields.filter((f) => f.youMayEdit);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const values = Object.fromEntries(
      fields.map((f) => [f.key, toWire(f, drafts[f.key] ?? (f.type === 'enum_list' ? [] : ''))] as const).filter(([, v]) => v !== null),
    );
    const opened = await submit.run(() => api.post<LogEntry>(`/cases/${encodeURIComponent(caseId)}/log`, { type: type.key, fields: values }));
    if (opened) onOpened(opened);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="log-open">
      <p className="small muted">Log this case with its template (R000-12). Required fields are marked.</p>
      <Field label="Log type" name="type" error={submit.error} render={(a) => (
        <select {...a} value={typeKey} onChange={(e) => { setTypeKey(e.target.value); setDrafts(startDrafts(e.target.value)); submit.clear(); }}>
          {types.map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
        </select>
      )} />
      <div className="log-fields">
        {fields.map((f) => (
          <LogFieldInput key={f.key} def={f} value={drafts[f.key] ?? (f.type === 'enum_list' ? [] : '')} error={submit.error}
            extra={f.key === 'amountMinor' ? <MinorAmountPreview minor={drafts.amountMinor} currency={drafts.currency} /> : undefined}
            onChange={(v) => setDrafts((d) => ({ ...d, [f.key]: v }))} />
        ))}
      </div>
      <FormError error={submit.error} fields={['type', ...fields.map((f) => `fields.${f.key}`)]} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submit.busy}>Log it</button>
      </div>
    </form>
  );
}
