import { memo, type ReactNode } from 'react';
import { humanize } from '../lib/format';

export function PriorityBadge({ priority }: { priority: string }) {
  return <span className={`badge priority-${priority.toLowerCase()}`} title={`Priority ${priority}`}>{priority}</span>;
}

export function LevelBadge({ level, escalated }: { level: string; escalated?: boolean }) {
  return (
    <span className={`badge level-${level.toLowerCase()}`} title={escalated ? `Level ${level}, escalated` : `Level ${level}`}>
      {level}
      {escalated ? <span aria-label="escalated"> ▲</span> : null}
    </span>
  );
}

export function StatusPill({ status }: { status: string }) {
  return <span className={`status status-${status.split('_')[0]}`}>{humanize(status)}</span>;
}

export const Chip = memo(function Chip({ children, tone }: { children: ReactNode; tone?: 'danger' | 'info' | 'muted' }) {
  return <span className={`chip${tone ? ` chip-${tone}` : ''}`}>{children}</span>;
});
