import type { Store } from '../../store/database.js';
import { listLogQueue } from '../../store/repositories/case-log.repository.js';
import { can } from '../../domain/access/permissions.js';
import { RESTRICTED_CATEGORIES } from '../../domain/access/case-visibility.js';
import { invalidInput } from '../../domain/errors.js';
import { roleMaySeeLog } from '../../domain/logs/log-exposure.js';
import { LOG_TYPES, logTypeOf } from '../../domain/logs/log-registry.js';
import { LOG_QUEUES, type LogTypeDef } from '../../domain/logs/log-type.js';
import { requirePermission, type Actor } from '../actor.js';
import { presentLogHead } from './log-view.js';

export interface LogQueueQuery {
  type?: unknown;
  /** Comma-separated states. */
  state?: unknown;
  /** Whose move it is: agents, back_office, supplier, store. */
  waitingOn?: unknown;
  sku?: unknown;
  /** Include closed entries (terminal states); default open only. */
  includeClosed?: unknown;
  limit?: unknown;
  cursor?: unknown;
}

type Pair = { type: string; states: string[] };

function pairs(types: readonly LogTypeDef[], keep: (t: LogTypeDef, state: string) => boolean): Pair[] {
  return types.map((t) => ({ type: t.key, states: t.states.filter((s) => keep(t, s.key)).map((s) => s.key) })).filter((p) => p.states.length > 0);
}

/**
 * A queue of log entries (issue 5 item 1): by type, state or whose move it is, due first. The
 * supplier's queue holds only the types and states it works, for its team (issue 5 item 2).
 */
export async function listLogQueueView(store: Store, actor: Actor, query: LogQueueQuery) {
  requirePermission(actor, 'logs.read');
  const types = query.type === undefined || query.type === '' ? LOG_TYPES : [logTypeOf(query.type)];
  const states = typeof query.state === 'string' && query.state !== '' ? query.state.split(',').map((s) => s.trim()) : null;
  if (query.state !== undefined && typeof query.state !== 'string') throw invalidInput('state', 'expected comma-separated states');
  if (states) {
    const unknown = states.find((s) => !types.some((t) => t.states.some((d) => d.key === s)));
    if (unknown !== undefined) throw invalidInput('state', `${unknown} is not a state of ${types.length === 1 ? types[0]!.key : 'any log type'}`);
  }
  const waitingOn = query.waitingOn === undefined || query.waitingOn === '' ? null : query.waitingOn;
  if (waitingOn !== null && !(typeof waitingOn === 'string' && (LOG_QUEUES as readonly string[]).includes(waitingOn))) {
    throw invalidInput('waitingOn', `expected one of ${LOG_QUEUES.join(', ')}`);
  }
  const sku = query.sku === undefined || query.sku === '' ? undefined : query.sku;
  if (sku !== undefined && (typeof sku !== 'string' || sku.length > 64)) throw invalidInput('sku', 'expected a SKU');
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw invalidInput('limit', 'expected a whole number from 1 to 200');
  const after = parseCursor(query.cursor);
  const includeClosed = query.includeClosed === true || query.includeClosed === 'true';

  const visible = pairs(LOG_TYPES, (t, s) => roleMaySeeLog(t, s, actor.role));
  const asked = pairs(types, (t, s) => (states === null || states.includes(s)) && (waitingOn === null || t.states.find((d) => d.key === s)?.waitingOn === waitingOn));
  const page = await listLogQueue(store.db, {
    pairSets: [visible, asked],
    excludeCategories: can(actor.role, 'restricted.read') ? [] : [...RESTRICTED_CATEGORIES],
    supplierScope: actor.role === 'supplier' ? { teamId: actor.teamId, userId: actor.id } : null,
    openOnly: !includeClosed,
    ...(sku !== undefined ? { sku } : {}),
  }, { limit, ...(after ? { after } : {}) });
  const supplier = actor.role === 'supplier';
  return {
    items: page.items.map((row) => ({
      ...presentLogHead(actor, logTypeOf(row.type), row),
      case: supplier ? { status: row.caseStatus, priority: row.casePriority } : { status: row.caseStatus, priority: row.casePriority, category: row.caseCategory },
      orderNumber: row.orderNumber,
    })),
    nextCursor: page.next ? Buffer.from(JSON.stringify(page.next)).toString('base64url') : null,
  };
}

function parseCursor(value: unknown): [string, number] | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(value), 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && Number.isSafeInteger(parsed[1])) return parsed as [string, number];
  } catch {
    // fall through to the error below
  }
  throw invalidInput('cursor', 'expected a cursor from a previous page');
}
