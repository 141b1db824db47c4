import { api } from '../../api/client';
import { sharedLabel, type AppliedSuggestion, type IncidentSuggestion, type SuggestionPreview } from '../../api/incident-types';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorNote } from '../../components/fields';
import { formatDateTime, humanize } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from '../../lib/use-submit';

/**
 * Complaints sharing a SKU, category or carrier, at least N in M days (R001-15): each with one
 * click that opens its incident (or adds the new cases to the live one) and red-flags the cases.
 */
export function IncidentSuggestions({ onApplied }: { onApplied(): void }) {
  const session = useSession();
  const preview = useResource('incident-suggestions', () => api.get<SuggestionPreview>('/incidents/suggestions'));
  const apply = useSubmit();
  const data = preview.data;
  const pending = (data?.suggestions ?? []).filter((s) => s.incidentId === null || s.newCaseIds.length > 0);

  const onApply = async (s: IncidentSuggestion) => {
    const done = await apply.run(() => api.post<{ applied: AppliedSuggestion[] }>('/incidents/suggestions', { dimension: s.dimension, key: s.key }));
    if (!done) return;
    const hit = done.applied[0];
    if (hit) navigate(`/incidents/${hit.incidentId}`, { state: { applied: hit } });
    else {
      preview.reload();
      onApplied();
    }
  };

  return (
    <section className="panel suggestions" aria-labelledby="suggestions-h">
      <h2 id="suggestions-h">Suggested incidents</h2>
      {data ? (
        <p className="small muted">
          At least {data.settings.minCases} complaints within {data.settings.windowDays} days sharing a {data.settings.dimensions.map((d) => (d === 'sku' ? 'SKU' : d)).join(', ')} (R001-15).
        </p>
      ) : null}
      <ErrorNote error={preview.error ?? apply.error} />
      {preview.loading && !data ? <p className="loading small">Looking for trends…</p> : null}
      {data && pending.length === 0 ? <p className="muted">No trend right now.</p> : null}
      <ul className="plain-list suggestion-list">
        {pending.map((s) => {
          const what = sharedLabel(s.dimension, s.key, humanize);
          return (
            <li key={`${s.dimension}:${s.key}`} className="suggestion" aria-label={`Suggestion: ${what}`}>
              <p>
                <strong>{s.caseIds.length} cases</strong> about <strong>{what}</strong>{' '}
                <span className="muted small">{formatDateTime(s.firstAt)} – {formatDateTime(s.lastAt)}</span>
              </p>
              <p className="small">
                Cases: {s.caseIds.map((id, i) => <span key={id}>{i > 0 ? ', ' : ''}<Link to={`/cases/${id}`}>#{id}</Link></span>)}
                {s.incidentId ? <> · joins <Link to={`/incidents/${s.incidentId}`}>incident #{s.incidentId}</Link> ({s.newCaseIds.length} new)</> : null}
              </p>
              {session.can('incidents.manage') ? (
                <button type="button" className="button primary small" disabled={apply.busy} onClick={() => void onApply(s)}>
                  {s.incidentId ? `Link ${s.newCaseIds.length} new case${s.newCaseIds.length === 1 ? '' : 's'} to #${s.incidentId}` : 'Open incident from suggestion'}
                </button>
              ) : <p className="small muted">A lead opens it (R003-04).</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
