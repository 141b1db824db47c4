import { memo } from 'react';
import { useNow } from '../lib/now';
import { countdown, formatDateTime } from '../lib/format';

/** A due time with a live relative countdown; red once past. Only this element re-renders per tick. */
export const DueCountdown = memo(function DueCountdown({ at, label }: { at: string | null; label?: string }) {
  const now = useNow();
  if (!at) return <span className="muted">—</span>;
  const { text, overdue } = countdown(at, now);
  return (
    <time dateTime={at} className={overdue ? 'due overdue' : 'due'} title={`${label ? `${label}: ` : ''}${formatDateTime(at)}`}>
      {text}
    </time>
  );
});
