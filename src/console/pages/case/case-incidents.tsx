import type { Incident } from '../../api/incident-types';
import type { CaseDetail } from '../../api/types';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { StatusPill } from '../../components/badges';
import { useResource } from '../../lib/use-resource';
import { linkedIncidents, multipleComplaintsFlag } from './case-incidents-data';

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

/** The case's incidents with their current status; loaded only when the case is in one. */
export function CaseIncidents({ c }: { c: CaseDetail }) {
  const linked = linkedIncidents(c.timeline);
  const key = linked.length ? `case-incidents:${c.id}:${linked.map((l) => l.id).join(',')}` : null;
  const details = useResource(key, () => Promise.all(linked.map((l) => api.get<Incident>(`/incidents/${encodeURIComponent(l.id)}`).catch(() => null))));
  if (linked.length === 0) return null;
  return (
    <section className="panel case-incidents" aria-labelledby="case-incidents-h">
      <h2 id="case-incidents-h">Incidents</h2>
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
    </section>
  );
}
