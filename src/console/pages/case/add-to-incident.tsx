import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Incident } from '../../api/incident-types';
import { Field, FormError } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

const NEW = 'new';

/**
 * "Add this case to an incident": pick a live incident (open or monitoring; a resolved one no longer
 * takes cases, R003-04) or open a new one with this case in it (R000-07). The live list loads only
 * when the person opens the control.
 */
export function AddToIncident({ caseId, linkedIds, onLinked }: { caseId: string; linkedIds: string[]; onLinked(): void }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const live = useResource(open ? 'incidents:live' : null, () => api.get<{ items: Incident[] }>('/incidents', { limit: 100 }));
  const submit = useSubmit();
  const candidates = (live.data?.items ?? []).filter((i) => !linkedIds.includes(i.id));
  const picked = choice || (candidates[0]?.id ?? NEW);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const result = await submit.run(async () => {
      if (picked === NEW) return api.post<Incident>('/incidents', { title, caseIds: [caseId] });
      await api.post(`/incidents/${encodeURIComponent(picked)}/cases`, { caseIds: [caseId] });
      return candidates.find((i) => i.id === picked)!;
    });
    if (result) {
      setDone(`Added to incident #${result.id}.`);
      setTitle('');
      setChoice('');
      live.reload();
      onLinked();
    }
  };

  return (
    <details className="add-to-incident" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Add this case to an incident</summary>
      <form aria-label="Add this case to an incident" onSubmit={onSubmit}>
        <Field label="Incident" name="id" error={submit.error} render={(a) => (
          <select {...a} value={picked} onChange={(e) => setChoice(e.target.value)} disabled={live.loading}>
            {candidates.map((i) => <option key={i.id} value={i.id}>#{i.id} {i.title} ({i.caseCount} cases)</option>)}
            <option value={NEW}>A new incident…</option>
          </select>
        )} />
        {picked === NEW ? (
          <Field label="Title of the new incident" name="title" error={submit.error} render={(a) => (
            <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          )} />
        ) : null}
        <FormError error={submit.error ?? live.error} fields={['id', 'title']} />
        <button type="submit" className="button small" disabled={submit.busy || live.loading}>{picked === NEW ? 'Open incident with this case' : 'Add to incident'}</button>
        {done ? <p className="notice success small" role="status">{done}</p> : null}
      </form>
    </details>
  );
}
