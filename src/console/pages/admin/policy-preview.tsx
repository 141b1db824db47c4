import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/fields';
import { useSubmit } from '../../lib/use-submit';

// What the policy shown would do (issue 8 item 6; POST /policy/test and /policy/backtest): its own
// examples, and a backtest re-deciding the stored cases under it and under the policy in force.
// Nothing is stored. An invalid policy is refused with its problems, shown by the editor's Validate.

interface Mismatch { field: string; expected: unknown; actual: unknown }
interface ExampleOutcome { index: number; name: string; line: number | null; passed: boolean; mismatches: Mismatch[]; reasons: string[] }
interface TestReport { passed: number; failed: number; results: ExampleOutcome[] }
type Pick3 = { priority: string; level: string; escalate: boolean };
interface BacktestReport {
  against: number;
  cases: number;
  changed: { priority: number; level: number; escalate: number; any: number };
  transitions: Record<string, number>;
  examples: { caseId: string; category: string; from: Pick3; to: Pick3; reasons: string[] }[];
  unknownCategories: Record<string, number>;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const shortDecision = (d: Pick3) => `${d.priority} ${d.level}${d.escalate ? ' escalated' : ''}`;

/** What the editor needs from a test run to hold back Apply while the policy's tests fail. */
export interface PolicyTestOutcome { yaml: string; passed: number; failed: number }

export function PolicyPreview({ yaml, isDraft, onTestsRun }: { yaml: string; isDraft: boolean; onTestsRun?(outcome: PolicyTestOutcome): void }) {
  const [tests, setTests] = useState<TestReport | null>(null);
  const [backtest, setBacktest] = useState<BacktestReport | null>(null);
  const runTests = useSubmit();
  const runBacktest = useSubmit();
  const [shownFor, setShownFor] = useState(yaml);
  if (shownFor !== yaml) {
    // An edit makes earlier results stale.
    setShownFor(yaml);
    setTests(null);
    setBacktest(null);
  }

  const onTests = async () => {
    const r = await runTests.run(() => api.post<TestReport>('/policy/test', { yaml }));
    if (r) {
      setTests(r);
      onTestsRun?.({ yaml, passed: r.passed, failed: r.failed });
    }
  };
  const onBacktest = async () => {
    const r = await runBacktest.run(() => api.post<BacktestReport>('/policy/backtest', { yaml, examples: 10 }));
    if (r) setBacktest(r);
  };

  return (
    <section className="panel policy-preview" aria-labelledby="policy-preview-h">
      <h2 id="policy-preview-h">{isDraft ? 'Before applying: tests and backtest' : "The policy's tests"}</h2>
      <div className="button-row">
        <button type="button" className="button" disabled={runTests.busy} onClick={() => void onTests()}>Run the policy's tests</button>
        {isDraft ? <button type="button" className="button" disabled={runBacktest.busy} onClick={() => void onBacktest()}>Backtest over stored cases</button> : null}
      </div>
      <ErrorNote error={runTests.error} title="The tests did not run." />
      <ErrorNote error={runBacktest.error} title="The backtest did not run." />
      {tests ? (
        <div className="policy-tests" aria-label="Policy test results" role="region">
          <p className={`notice ${tests.failed ? 'danger' : 'success'}`} role="status">
            {tests.passed} passed, {tests.failed} failed
          </p>
          {tests.failed ? (
            <ul className="plain-list">
              {tests.results.filter((r) => !r.passed).map((r) => (
                <li key={r.index}>
                  <strong>{r.name}</strong>{r.line !== null ? <span className="muted small"> (line {r.line})</span> : null}
                  <ul>{r.mismatches.map((m) => <li key={m.field} className="small"><code>{m.field}</code>: expected {show(m.expected)}, got {show(m.actual)}</li>)}</ul>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {backtest ? (
        <div className="policy-backtest" aria-label="Backtest" role="region">
          <p role="status">
            Against version {backtest.against} over {backtest.cases} stored case{backtest.cases === 1 ? '' : 's'}: {backtest.changed.any} would change
            ({backtest.changed.priority} priority, {backtest.changed.level} level, {backtest.changed.escalate} escalation).
          </p>
          {Object.keys(backtest.transitions).length ? (
            <p className="small">{Object.entries(backtest.transitions).map(([k, n]) => `${k}: ${n}`).join(' · ')}</p>
          ) : null}
          {Object.keys(backtest.unknownCategories).length ? (
            <p className="small text-danger">Categories this policy does not know: {Object.entries(backtest.unknownCategories).map(([k, n]) => `${k} (${n})`).join(', ')}</p>
          ) : null}
          {backtest.examples.length ? (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">Cases that would change</caption>
                <thead><tr><th scope="col">Case</th><th scope="col">Category</th><th scope="col">Now</th><th scope="col">Would be</th></tr></thead>
                <tbody>
                  {backtest.examples.map((e) => (
                    <tr key={e.caseId}><td>#{e.caseId}</td><td>{e.category}</td><td>{shortDecision(e.from)}</td><td>{shortDecision(e.to)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
