import type { Incident } from '../../api/incident-types';
import type { CaseDetail } from '../../api/types';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { StatusPill } from '../../components/badges';
import { useResource } from '../../lib/use-resource';
import { linkedIncidents, multipleComplaintsFlag } from './case-incidents-data';
import { AddToIncident } from './add-to-incident';

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function RedFlagBanner({ c }: { c: CaseDetail }) {
  const flag = multipleComplaintsFlag(c.timeline);
  if (!flag) return null;
  return (
    <p className="notice danger red-flag" role="note">
      <strong>Red flag: multiple complaints about the same issue.</strong>{' '}
      {str(flag.data.cases)} cases share it (incident #{str(flag.data.incidentId)}) — escalate up, don’t handle it alone (R001-15).
    </p>
  );
}

/**
 * The case's incidents with their current status, and (for who may link cases) the way to add the
 * case to a live incident or report a new one (R000-07).
 */
export function CaseIncidents({ c, onCaseChanged }: { c: CaseDetail; onCaseChanged(): void }) {
  const session = useSession();
  const linked = linkedIncidents(c.timeline);
  const key = linked.length ? `case-incidents:${c.id}:${linked.map((l) => l.id).join(',')}` : null;
  const details = useResource(key, () => Promise.all(linked.map((l) => api.get<Incident>(`/incidents/${encodeURIComponent(l.id)}`).catch(() => null))));
  const canLink = session.can('incidents.write');
  if (linked.length === 0 && !canLink) return null;
  return (
    <section className="panel case-incidents" aria-labelledby="case-incidents-h">
      <h2 id="case-incidents-h">Incidents</h2>
      {linked.length === 0 ? <p className="muted small">Not in any incident.</p> : (
        <ul className="plain-list">
          {linked.map((l, n) => {
            const d = details.data?.[n] ?? null;
            return (
              <li key={l.id}>
                <Link to={`/incidents/${l.id}`}>#{l.id} {d?.title ?? l.title}</Link>{' '}
                {d ? <><StatusPill status={d.status} /> <span className="muted small">{d.caseCount} cases</span></> : null}
              </li>
            );
          })}
        </ul>
      )}
      {canLink ? <AddToIncident caseId={c.id} linkedIds={linked.map((l) => l.id)} onLinked={onCaseChanged} /> : null}
    </section>
  );
}
