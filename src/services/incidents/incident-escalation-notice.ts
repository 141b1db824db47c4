import type { Executor, Store } from '../../store/database.js';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { listCaseEvents } from '../../store/repositories/case-event.repository.js';
import { findIncidentById } from '../../store/repositories/incident.repository.js';
import { listUsers } from '../../store/repositories/user.repository.js';
import { canSeeCase } from '../../domain/access/case-visibility.js';
import { isRole } from '../../domain/access/roles.js';
import { queueCaseNotice } from '../notifications/queue-case-notice.js';
import type { ClockAlertOptions } from '../sla/process-clock-alert.js';
import type { IncidentEscalationNoticePayload } from './escalate-flagged-case.js';

export const INCIDENT_ESCALATION_NOTICE = 'incident_escalated';

/**
 * Tells the team that owns the level a red-flagged case went to (R001-15), the way an SLA breach
 * tells the next level: in-app and email through the outbox, once per escalation (the dedupe key
 * names the `escalated` event). Webhook receivers already heard case.escalated from the
 * escalation itself, so this notice does not go to them. Only people who may see the case hear.
 */
export async function sendIncidentEscalationNotice(
  store: Store,
  payload: IncidentEscalationNoticePayload,
  options: ClockAlertOptions & { now: Date; finish?: (trx: Executor) => Promise<void> },
): Promise<{ outboxIds: number[] }> {
  const at = options.now.toISOString();
  return store.db.transaction().execute(async (trx) => {
    const done = async (outboxIds: number[]) => {
      await options.finish?.(trx);
      return { outboxIds };
    };
    const c = await findCaseById(trx, payload.caseId);
    const escalated = c ? (await listCaseEvents(trx, c.id, { includeInternal: true })).find((e) => e.id === payload.eventId) : undefined;
    if (!c || !escalated || payload.teamId === null) return done([]);
    const incident = await findIncidentById(trx, payload.incidentId);
    const members = (await listUsers(trx, { teamId: payload.teamId })).filter((u) =>
      u.disabledAt === null && isRole(u.role)
      && canSeeCase({ id: u.id, role: u.role, teamId: u.teamId }, { category: c.category, teamId: c.teamId, partnerTeamId: c.partnerTeamId, assigneeId: c.assigneeId }));
    const { from, to } = escalated.data as { from: string; to: string };
    const title = incident?.title ?? `incident #${payload.incidentId}`;
    let text = `Case #${c.id} (${c.priority}, ${c.category}) moved ${from} → ${to}: it is one of several complaints about the same issue — incident #${payload.incidentId} "${title}" (R001-15 red flag).`;
    if (options.publicUrl) text += `\n\n${options.publicUrl}/cases/${c.id}`;
    const written = await queueCaseNotice(
      trx,
      {
        caseId: c.id, event: INCIDENT_ESCALATION_NOTICE, occurrence: `event:${escalated.id}`,
        subject: `[Ladder] Case #${c.id} escalated to ${to}: multiple complaints about the same issue`, text,
        data: { incidentId: String(payload.incidentId), from, to, rule: 'R001-15' },
      },
      members.map((u) => ({ id: u.id, email: u.email })),
      { ...options.channels, webhooks: false },
      at,
    );
    return done(written.map((w) => w.id));
  });
}
