import { LEVELS } from '../../domain/policy/vocabulary.js';
import type { Session } from './session';

export interface QueueDef {
  key: string;
  label: string;
  /** The GET /api/v1/cases filters that define the queue; the user's filters narrow it further. */
  query: Record<string, string | boolean>;
  /** Said under the heading, e.g. who may see a restricted list. */
  description?: string;
}

/**
 * The chargebacks & fraud log (R000-08): restricted cases, which the server lists only to those
 * holding restricted.read (back office, compliance, leadership, admin) and answers 404 to anyone else.
 */
export const RESTRICTED_QUEUE: QueueDef = {
  key: 'chargebacks-fraud',
  label: 'Chargebacks & fraud',
  query: { category: 'chargeback,fraud' },
  description: 'Restricted log (R000-08): platform chargebacks, chargeback-service cases and high-risk orders. Only back office, compliance, leadership and admins see these cases.',
};

/**
 * The left-nav queues for this person. The server decides what each person may see; the console
 * only leaves out queues that mean nothing for the role: the supplier (no assignment rights, no
 * level) works the one queue the server scopes to its team (R000-01, issue 5 item 2).
 */
export function queuesFor(session: Session): QueueDef[] {
  if (!session.can('cases.assign')) {
    return [
      { key: 'queue', label: 'My queue', query: { open: true } },
      { key: 'done', label: 'Resolved & closed', query: { open: false } },
    ];
  }
  const queues: QueueDef[] = [{ key: 'mine', label: 'My cases', query: { assignee: 'me', open: true } }];
  if (session.user.teamId) queues.push({ key: 'team', label: 'My team', query: { team: session.user.teamId, open: true } });
  queues.push({ key: 'unassigned', label: 'Unassigned', query: { assignee: 'none', open: true } });
  for (const level of LEVELS) queues.push({ key: level.toLowerCase(), label: `Level ${level}`, query: { level, open: true } });
  queues.push({ key: 'escalated', label: 'Escalated', query: { escalated: true, open: true } });
  queues.push({ key: 'all', label: 'All cases', query: {} });
  return queues;
}
