import type { Store } from '../../store/database.js';
import { escalationsBetween, type EscalationLogRow } from '../../store/repositories/shift.repository.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { localDateWindow, parseInstant, shiftScopeOf } from './shift-scope.js';
import { toCsv } from '../../integrations/csv/csv-writer.js';

export interface EscalationsLog {
  from: string;
  to: string;
  timeZone: string;
  rows: EscalationLogRow[];
}

/**
 * The escalations log (R001-01): every escalation in a window — time, order, customer, issue,
 * promised resolution, status, resolved by. By local date (the desk's time zone) or explicit from/to.
 */
export async function getEscalationsLog(
  store: Store,
  actor: Actor,
  input: { date?: unknown; from?: unknown; to?: unknown; team?: unknown },
): Promise<EscalationsLog> {
  requirePermission(actor, 'cases.read');
  const runtime = await loadPolicyRuntime(store);
  const scope = shiftScopeOf(actor, input.team);
  let window: { from: string; to: string };
  if (input.from !== undefined || input.to !== undefined) {
    window = { from: parseInstant(input.from, 'from'), to: input.to === undefined ? clock.now().toISOString() : parseInstant(input.to, 'to') };
  } else {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: runtime.timeZone }).format(clock.now());
    window = localDateWindow(input.date ?? today, runtime.timeZone);
  }
  const rows = await escalationsBetween(store.db, scope, window.from, window.to);
  return { ...window, timeZone: runtime.timeZone, rows };
}

export function escalationsLogCsv(log: EscalationsLog): string {
  return toCsv(
    [
      { header: 'time', value: (r: EscalationLogRow) => r.at },
      { header: 'case', value: (r) => r.caseId },
      { header: 'order', value: (r) => r.orderNumber },
      { header: 'customer', value: (r) => r.customerName },
      { header: 'issue', value: (r) => r.subject ?? r.category },
      { header: 'category', value: (r) => r.category },
      { header: 'from level', value: (r) => r.from },
      { header: 'to level', value: (r) => r.to },
      { header: 'reason', value: (r) => r.reason },
      { header: 'promised resolution', value: (r) => r.promisedResolution },
      { header: 'status', value: (r) => (r.status === 'resolved' || r.status === 'closed' ? 'resolved' : 'open') },
      { header: 'resolved by', value: (r) => r.resolvedById },
    ],
    log.rows,
  );
}
