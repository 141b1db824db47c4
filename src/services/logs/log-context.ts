import type { Executor, Store } from '../../store/database.js';
import { findCaseById, findCaseForUpdate, updateCase, type CaseRecord } from '../../store/repositories/case.repository.js';
import { findCaseLogByCaseId, type CaseLogRecord } from '../../store/repositories/case-log.repository.js';
import { appendCaseEvents, listCaseEvents } from '../../store/repositories/case-event.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { findOrderById, type OrderRecord } from '../../store/repositories/order.repository.js';
import { DomainError } from '../../domain/errors.js';
import { canSeeLog } from '../../domain/logs/log-visibility.js';
import { findLogType } from '../../domain/logs/log-registry.js';
import type { EvidenceFacts } from '../../domain/logs/log-machine.js';
import type { LogFields, LogTypeDef } from '../../domain/logs/log-type.js';
import { actorIdOf, type Actor } from '../actor.js';

export interface LogContext {
  c: CaseRecord;
  log: CaseLogRecord;
  type: LogTypeDef;
  fields: LogFields;
}

function notFound(): DomainError {
  return new DomainError('not_found', 'no such case or no log entry on it', 'id');
}

/**
 * The case and its entry as this person may see them; anything they may not see is "not found"
 * (never "forbidden"), so the supplier cannot probe for other queues' work.
 */
export async function loadLogContext(db: Executor, actor: Actor, caseId: number, options: { lock: false } | { lock: true; dialect: Store['dialect'] }): Promise<LogContext> {
  const c = options.lock ? await findCaseForUpdate(db, caseId, options.dialect) : await findCaseById(db, caseId);
  if (!c) throw notFound();
  const log = await findCaseLogByCaseId(db, caseId);
  const type = log ? findLogType(log.type) : undefined;
  if (!log || !type) throw notFound();
  const viewer = { id: actor.id, role: actor.role, teamId: actor.teamId };
  const scope = { category: c.category, teamId: c.teamId, partnerTeamId: c.partnerTeamId, assigneeId: c.assigneeId };
  if (!canSeeLog(viewer, scope, { type, state: log.state, supplierTeamId: log.supplierTeamId })) throw notFound();
  return { c, log, type, fields: log.fields as LogFields };
}

export async function orderOfCase(db: Executor, c: CaseRecord): Promise<OrderRecord | null> {
  return c.orderId === null ? null : (await findOrderById(db, c.orderId)) ?? null;
}

/** Photos and notes on the case's timeline, for the evidence rules (R000-05, R000-11, R000-12). */
export async function evidenceOf(db: Executor, caseId: number): Promise<EvidenceFacts> {
  const events = await listCaseEvents(db, caseId, { includeInternal: true });
  const images: { at: string; noted: boolean }[] = [];
  const notesAt: string[] = [];
  for (const e of events) {
    if (e.type === 'attachment_added' && typeof e.data.contentType === 'string' && e.data.contentType.startsWith('image/')) {
      images.push({ at: e.at, noted: typeof e.data.note === 'string' && e.data.note.trim() !== '' });
    }
    if (e.type === 'note' && e.internal) notesAt.push(e.at);
  }
  return { images, notesAt };
}

/**
 * Every change to an entry leaves a timeline event on its case and an audit event. The timeline
 * names what changed (the supplier may read it on cases it supports); the audit keeps the values.
 */
export async function recordLogChange(
  trx: Executor,
  actor: Actor,
  at: string,
  change: { caseId: number; logId: number; event: 'log_opened' | 'log_updated' | 'log_moved'; timeline: Record<string, unknown>; audit: Record<string, unknown> },
): Promise<void> {
  const actorId = actorIdOf(actor);
  await appendCaseEvents(trx, [{ caseId: change.caseId, type: change.event, actorId, actorKind: 'user', at, internal: true, data: change.timeline }]);
  await insertAuditEvent(trx, {
    at, actorId, action: `case_log.${change.event.slice(4)}`, entityType: 'case_log', entityId: String(change.logId), data: { caseId: change.caseId, ...change.audit },
  });
  await updateCase(trx, change.caseId, { updatedAt: at });
}
