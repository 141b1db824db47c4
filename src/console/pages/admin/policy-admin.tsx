import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { PolicyProblem, PolicyVersion } from '../../api/types';
import { ErrorNote, Field, FormError } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';
import { PolicyPreview, type PolicyTestOutcome } from './policy-preview';

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
 * without a restart. While the draft's own tests fail (the last run here, or the server's refusal,
 * 422 policy_tests_failed) Apply is off; "Apply anyway" overrides it after a confirm, and the
 * server records the override in the audit trail.
 */
export function PolicyAdmin() {
  const current = useResource('policy', () => api.get<PolicyVersion>('/policy'));
  const [draft, setDraft] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [problems, setProblems] = useState<PolicyProblem[] | null>(null);
  const [applied, setApplied] = useState<PolicyVersion | null>(null);
  /** The text whose tests are known to fail, and why; stale once the draft changes. */
  const [failing, setFailing] = useState<{ yaml: string; why: string } | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const validate = useSubmit();
  const apply = useSubmit();
  const p = current.data;

  const onValidate = async () => {
    if (draft === null) return;
    const r = await validate.run(() => api.post<{ ok: boolean; problems: PolicyProblem[] }>('/policy/validate', { yaml: draft }));
    if (r) setProblems(r.problems);
  };
  const testsFail = failing !== null && draft !== null && failing.yaml === draft;
  const onTestsRun = (r: PolicyTestOutcome) => {
    if (r.failed > 0) setFailing({ yaml: r.yaml, why: `${r.failed} of the policy's ${r.passed + r.failed} tests fail (listed under “Before applying”).` });
    else if (failing?.yaml === r.yaml) setFailing(null);
  };
  const onApply = async (force: boolean) => {
    if (draft === null) return;
    const question = force
      ? `The policy's own tests fail: ${failing?.why ?? ''}\n\nApply it anyway? New decisions use it at once, and the override is recorded in the audit trail.`
      : 'Apply this policy? New decisions use it at once; open cases keep theirs until re-evaluated.';
    if (!window.confirm(question)) return;
    const body = { yaml: draft, ...(label.trim() ? { label: label.trim() } : {}), ...(force ? { force: true } : {}) };
    const v = await apply.run(() => api.put<PolicyVersion>('/policy', body).catch((err: unknown) => {
      if (err instanceof ApiError && err.code === 'policy_tests_failed') setFailing({ yaml: draft, why: err.message });
      throw err;
    }));
    if (v) {
      setApplied(v);
      setDraft(null);
      setProblems(null);
      setFailing(null);
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
              <FormError error={apply.error?.code === 'invalid_policy' || apply.error?.code === 'policy_tests_failed' ? null : (apply.error ?? validate.error)} fields={['yaml', 'label']} />
              {testsFail ? (
                <div className="notice danger" role="alert" id="policy-tests-fail">
                  <p><strong>Apply is off: the policy's own tests fail.</strong> {failing.why}</p>
                  <p className="small">Fix the policy or its examples, or apply it anyway; the override is recorded in the audit trail.</p>
                </div>
              ) : null}
              <div className="form-actions">
                <button type="button" className="button" disabled={validate.busy} onClick={() => void onValidate()}>Validate</button>
                <button type="button" className="button primary" aria-describedby={testsFail ? 'policy-tests-fail' : undefined}
                  disabled={apply.busy || problems === null || problems.length > 0 || testsFail} onClick={() => void onApply(false)}>Apply</button>
                {testsFail ? (
                  <button type="button" className="button danger-outline" disabled={apply.busy || problems === null || problems.length > 0} onClick={() => void onApply(true)}>Apply anyway…</button>
                ) : null}
                <button type="button" className="button-quiet" onClick={() => { setDraft(null); setProblems(null); }}>Discard</button>
              </div>
              {problems === null ? <p className="small muted">Validate before applying.</p> : null}
            </>
          )}
        </section>
      ) : null}
      {p ? <PolicyPreview yaml={draft ?? p.yaml ?? ''} isDraft={draft !== null} onTestsRun={onTestsRun} /> : null}
    </div>
  );
}
