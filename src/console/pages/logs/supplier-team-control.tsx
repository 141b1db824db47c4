import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { LogEntry, LogTypeDescription } from '../../api/log-types';
import { teamLabel, useDirectory, useSession } from '../../app/session';
import { Field, FormError } from '../../components/fields';
import { useSubmit } from '../../lib/use-submit';

/**
 * Which supplier team's queue the entry is in (only that team's supplier users see it). Back office
 * and supervisors (logs.assign) hand it to a supplier team or take it back; the server decides
 * which teams and types qualify and names `team` when it refuses.
 */
export function SupplierTeamControl({ entry, type, onChanged }: { entry: LogEntry; type: LogTypeDescription; onChanged(entry: LogEntry): void }) {
  const session = useSession();
  const directory = useDirectory();
  const current = entry.supplierTeamId ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const submit = useSubmit();
  const supplierWork = type.supplierSees !== null && type.supplierSees !== undefined;
  if (!supplierWork && current === null) return null;

  const shown = current === null ? 'None' : teamLabel(directory, current);
  const mayAssign = session.can('logs.assign') && !entry.terminal;
  const suppliers = [...directory.teams.values()].filter((t) => t.kind === 'supplier');
  const selected = picked ?? current ?? '';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const team = selected === '' ? null : directory.teams.get(selected)?.key ?? selected;
    const next = await submit.run(() => api.put<LogEntry>(`/cases/${encodeURIComponent(entry.caseId)}/log/supplier-team`, { team }));
    if (next) {
      setPicked(null);
      onChanged(next);
    }
  };

  return (
    <div className="supplier-team" role="group" aria-label="Supplier team">
      <p className="small">Supplier team: <strong data-testid="supplier-team">{shown}</strong></p>
      {mayAssign ? (
        <form className="inline-form" aria-label="Set the supplier team" onSubmit={onSubmit} noValidate>
          <Field label="Hand to supplier team" name="team" error={submit.error} render={(a) => (
            <select {...a} value={selected} onChange={(e) => setPicked(e.target.value)}>
              <option value="">None (take it back)</option>
              {suppliers.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          )} />
          <FormError error={submit.error} fields={['team']} />
          <button type="submit" className="button small" disabled={submit.busy || selected === (current ?? '')}>Save supplier team</button>
        </form>
      ) : null}
    </div>
  );
}
