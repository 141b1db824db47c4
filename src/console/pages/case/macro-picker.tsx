import { useId } from 'react';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/fields';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

interface MacroSummary {
  id: string;
  folder: string;
  title: string;
  version: number;
}

export interface MacroPreview {
  macroId: string;
  version: number;
  title: string;
  text: string;
  unfilled: { kind: string; label: string; start: number; end: number }[];
}

// What is still to fill: [[blanks]], unrendered {{variables}} and ____ (the server refuses the same).
const BLANK = /\[\[[^\]\n]*\]\]|\{\{[^}\n]*\}\}|_{3,}/g;

export function blanksIn(text: string): { start: number; end: number }[] {
  return [...text.matchAll(BLANK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Starts a reply from a macro (R000-10): the server fills the case's values and leaves the blanks,
 * which the agent fills and fits to the customer before sending.
 */
export function MacroPicker({ caseId, onPicked }: { caseId: string; onPicked(preview: MacroPreview): void }) {
  const id = useId();
  const macros = useResource('macros', () => api.get<{ items: MacroSummary[] }>('/macros'));
  const preview = useSubmit();
  const folders = new Map<string, MacroSummary[]>();
  for (const m of macros.data?.items ?? []) folders.set(m.folder, [...(folders.get(m.folder) ?? []), m]);

  const pick = async (macroId: string) => {
    if (!macroId) return;
    const p = await preview.run(() => api.post<MacroPreview>(`/cases/${encodeURIComponent(caseId)}/macro-preview`, { macroId }));
    if (p) onPicked(p);
  };

  if (macros.data && macros.data.items.length === 0) return null;
  return (
    <div className="field macro-picker">
      <label htmlFor={id}>Start from a macro</label>
      <select id={id} value="" disabled={!macros.data || preview.busy} onChange={(e) => void pick(e.target.value)}>
        <option value="">{macros.data ? 'Choose a macro…' : 'Loading macros…'}</option>
        {[...folders].map(([folder, items]) => (
          <optgroup key={folder} label={folder}>
            {items.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
          </optgroup>
        ))}
      </select>
      <ErrorNote error={macros.error ?? preview.error} />
    </div>
  );
}
