import { useRef, useState } from 'react';
import { api } from '../../api/client';
import type { PolicyProblem, PolicyVersion } from '../../api/types';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { PolicyPreview } from './policy-preview';

/** Character offset of the start of a 1-based line, to put the caret on a problem. */
function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

/**
 * The policy in force, read-only; an edited copy can be validated (problems with line numbers),
 * tested and backtested (policy-preview.tsx), and applied as a new version, in force at once
 * without a restart.
 */
export function PolicyAdmin() {
  const current = useResource('policy', () => api.get<PolicyVersion>('/policy'));
  const [draft, setDraft] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [problems, setProblems] = useState<PolicyProblem[] | null>(null);
  const [applied, setApplied] = useState<PolicyVersion | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const validate = useSubmit();
  const apply = useSubmit();
  const p = current.data;

  const onValidate = async () => {
    if (draft === null) return;
    const r = await validate.run(() => api.post<{ ok: boolean; problems: PolicyProblem[] }>('/policy/validate', { yaml: draft }));
    if (r) setProblems(r.problems);
  };
  const onApply = async () => {
    if (draft === null) return;
    if (!window.confirm('Apply this policy? New decisions use it at once; open cases keep theirs until re-evaluated.')) return;
    const v = await apply.run(() => api.put<PolicyVersion>('/policy', { yaml: draft, ...(label.trim() ? { label: label.trim() } : {}) }));
    if (v) {
      setApplied(v);
      setDraft(null);
      setProblems(null);
      setLabel('');
      current.reload();
    }
  };
  const jumpTo = (line: number | undefined) => {
    const el = editor.current;
    if (!el || line === undefined || draft === null) return;
    const at = offsetOfLine(draft, line);
    el.focus();
    el.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  return (
    <div className="admin-section policy-admin">
      <ErrorNote error={current.error} title="Could not load the policy." />
      {applied ? <p className="notice success" role="status">Policy version {applied.version} is in force.</p> : null}
      {p ? (
        <section className="panel" aria-labelledby="policy-h">
          <h2 id="policy-h">In force: version {p.version}{p.label ? ` — ${p.label}` : ''}</h2>
          <p className="small muted">Applied {formatDateTime(p.createdAt)}</p>
          {draft === null ? (
            <>
              <label htmlFor="policy-current" className="visually-hidden">Policy YAML in force (read-only)</label>
              <textarea id="policy-current" className="code-area" readOnly value={p.yaml ?? ''} rows={24} spellCheck={false} />
              <div className="form-actions">
                <button type="button" className="button" onClick={() => { setDraft(p.yaml ?? ''); setApplied(null); }}>Edit a copy</button>
              </div>
            </>
          ) : (
            <>
              <Field label="Edited policy (YAML)" name="yaml" error={apply.error ?? validate.error} render={(a) => (
                <textarea {...a} ref={editor} className="code-area" value={draft} rows={24} spellCheck={false}
                  onChange={(e) => { setDraft(e.target.value); setProblems(null); }} />
              )} />
              {problems !== null ? (
                problems.length === 0 ? <p className="notice success" role="status">The policy is valid.</p> : (
                  <div className="problems" role="alert">
                    <h3>{problems.length} problem{problems.length === 1 ? '' : 's'}</h3>
                    <ul>
                      {problems.map((pr, i) => (
                        <li key={i}>
                          <button type="button" className="link-button" onClick={() => jumpTo(pr.line)} disabled={pr.line === undefined}>
                            {pr.line !== undefined ? `Line ${pr.line}` : pr.source}
                          </button>
                          {pr.path ? <code> {pr.path}</code> : null}: {pr.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                )
              ) : null}
              {apply.error?.code === 'invalid_policy' ? <pre className="problems-text" role="alert">{apply.error.message}</pre> : null}
              <Field label="Label for this version (optional)" name="label" error={apply.error} render={(a) => (
                <input {...a} value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. 2026-05 refund threshold" />
              )} />
              <FormError error={apply.error?.code === 'invalid_policy' ? null : (apply.error ?? validate.error)} fields={['yaml', 'label']} />
              <div className="form-actions">
                <button type="button" className="button" disabled={validate.busy} onClick={() => void onValidate()}>Validate</button>
                <button type="button" className="button primary" disabled={apply.busy || problems === null || problems.length > 0} onClick={() => void onApply()}>Apply</button>
                <button type="button" className="button-quiet" onClick={() => { setDraft(null); setProblems(null); }}>Discard</button>
              </div>
              {problems === null ? <p className="small muted">Validate before applying.</p> : null}
            </>
          )}
        </section>
      ) : null}
      {p ? <PolicyPreview yaml={draft ?? p.yaml ?? ''} isDraft={draft !== null} /> : null}
    </div>
  );
}
