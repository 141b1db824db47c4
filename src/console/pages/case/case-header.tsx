import type { CaseDetail } from '../../api/types';
import { useDirectory, useSession, teamLabel, userLabel } from '../../app/session';
import { LevelBadge, PriorityBadge, StatusPill } from '../../components/badges';
import { DueCountdown } from '../../components/due-countdown';
import { formatDateTime, humanize } from '../../lib/format';

export function CaseHeader({ c }: { c: CaseDetail }) {
  const session = useSession();
  const dir = useDirectory();
  const open = c.status !== 'resolved' && c.status !== 'closed';
  return (
    <header className="case-header">
      <div className="case-title-row">
        <h1 id="case-title">
          <span className="case-id">#{c.id}</span> {c.subject ?? humanize(c.category)}
        </h1>
        <div className="case-badges">
          <PriorityBadge priority={c.priority} />
          <LevelBadge level={c.level} escalated={c.escalated} />
          <StatusPill status={c.status} />
          {c.escalated ? <span className="flag-escalated">Escalated</span> : null}
        </div>
      </div>
      <dl className="facts-row">
        <div><dt>Category</dt><dd>{humanize(c.category)}</dd></div>
        {c.channel ? <div><dt>Channel</dt><dd>{humanize(c.channel)}</dd></div> : null}
        {c.storefront ? <div><dt>Storefront</dt><dd>{humanize(c.storefront)}</dd></div> : null}
        <div><dt>Assignee</dt><dd>{userLabel(dir, session.user, c.assigneeId)}</dd></div>
        <div><dt>Team</dt><dd>{teamLabel(dir, c.teamId)}</dd></div>
        <div><dt>Opened</dt><dd>{formatDateTime(c.createdAt)}</dd></div>
      </dl>
      {open ? (
        <dl className="facts-row due-row" aria-label="Due times">
          {c.due.firstResponse ? <div><dt>First response</dt><dd><DueCountdown at={c.due.firstResponse} label="First response due" /> <span className="muted small">{formatDateTime(c.due.firstResponse)}</span></dd></div> : null}
          {c.due.nextResponse ? <div><dt>Next response</dt><dd><DueCountdown at={c.due.nextResponse} label="Next response due" /> <span className="muted small">{formatDateTime(c.due.nextResponse)}</span></dd></div> : null}
          <div><dt>Resolution</dt><dd><DueCountdown at={c.due.resolution} label="Resolution due" /> <span className="muted small">{formatDateTime(c.due.resolution)}</span></dd></div>
          {c.promisedBy ? <div><dt>Promised</dt><dd>{c.promisedResolution} <span className="muted small">by</span> <DueCountdown at={c.promisedBy} label="Promised by" /></dd></div> : null}
        </dl>
      ) : (
        <p className="muted">{humanize(c.status)} {formatDateTime(c.resolvedAt)}</p>
      )}
    </header>
  );
}
