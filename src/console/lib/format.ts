// Display helpers. Times arrive as UTC ISO strings and are shown in the browser's time zone.

const SPECIAL: Record<string, string> = {
  dnr: 'DNR',
  bnpl: 'BNPL',
  vip: 'VIP',
  sla: 'SLA',
  rts: 'RTS',
  oos: 'OOS',
};

/** `pending_customer` → `Pending customer`, `bnpl_issue` → `BNPL issue`. */
export function humanize(id: string): string {
  const words = id.split('_').map((w) => SPECIAL[w] ?? w);
  const first = words[0] ?? '';
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(' ');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(t);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A bare YYYY-MM-DD is a calendar day, not an instant: show it as written.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateOnly.format(t);
}

/** "in 3h 12m", "2d 4h overdue", "now". Minutes are the finest grain a desk needs. */
export function countdown(iso: string, nowMs: number): { text: string; overdue: boolean } {
  const diff = Date.parse(iso) - nowMs;
  const overdue = diff < 0;
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  if (minutes < 1) return { text: overdue ? 'due now' : 'in <1m', overdue };
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const span = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
  return { text: overdue ? `${span} overdue` : `in ${span}`, overdue };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** A datetime-local input's value (local wall time) → UTC ISO. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
