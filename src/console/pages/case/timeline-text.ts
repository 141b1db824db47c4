import type { TimelineEntry } from '../../api/types';
import { formatBytes, formatDateTime, humanize } from '../../lib/format';
import { MULTIPLE_COMPLAINTS_FLAG } from './case-incidents-data';

export interface Names {
  actor(entry: TimelineEntry): string;
  user(id: unknown): string;
  team(id: unknown): string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const yesNo = (v: unknown) => (v ? 'yes' : 'no');
/** Free text ending a sentence: ours adds the full stop, so drop the writer's. */
const tail = (v: unknown) => str(v).trim().replace(/[.!?…]+$/, '');

function change(label: string, v: unknown, fmt: (x: unknown) => string = str): string | null {
  if (!v || typeof v !== 'object') return null;
  const { from, to } = v as { from?: unknown; to?: unknown };
  return `${label} ${fmt(from) || '—'} → ${fmt(to) || '—'}`;
}

function signalList(v: unknown): string {
  if (!v || typeof v !== 'object') return 'none';
  const parts = Object.entries(v as Record<string, number>).filter(([, n]) => n > 0).map(([s, n]) => `${humanize(s)} ×${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

const listOf = (v: unknown) => (Array.isArray(v) && v.length ? v.map((x) => humanize(str(x))).join(', ') : 'none');

/** One readable sentence per timeline event (the message, note and file bodies render apart). */
export function describe(e: TimelineEntry, names: Names): string {
  const who = names.actor(e);
  const d = e.data;
  switch (e.type) {
    case 'opened':
      return `${who} opened the case${d.channel ? ` via ${humanize(str(d.channel))}` : ''}: ${humanize(str(d.category))}, ${str(d.priority)} at ${str(d.level)}.`;
    case 'message':
      return d.from === 'customer'
        ? `Customer wrote${d.loggedBy ? ` (logged by ${names.user(d.loggedBy)})` : ''}`
        : `${who} replied to the customer${d.macroId ? fromMacro(d) : ''}`;
    case 'note':
      if (d.kind !== 'escalation_overview') return `${who} left an internal note`;
      return str(d.text).startsWith('De-escalated') ? `${who} left the de-escalation note` : `${who} left the escalation note`;
    case 'signal':
      return `${who} recorded the signal “${humanize(str(d.signal))}”${d.source === 'reported' ? ' (reported with the case)' : ''}${d.note ? `: ${tail(d.note)}.` : '.'}`;
    case 'status_changed':
      return `${who} moved the case from ${humanize(str(d.from))} to ${humanize(str(d.to))}${d.reason ? ` — ${tail(d.reason)}` : ''}.`;
    case 'priority_changed':
      return `${who} changed the priority from ${str(d.from)} to ${str(d.to)}${d.reason ? ` — ${tail(d.reason)}` : ''}.`;
    case 'level_changed':
      return `${who} changed the level from ${str(d.from)} to ${str(d.to)}${d.reason ? ` — ${tail(d.reason)}` : ''}.`;
    case 'escalated':
      // A person's reason is the escalation note right beside this entry (R002-08); the policy's reasons are its rule texts.
      return d.by === 'policy'
        ? `The policy escalated the case from ${str(d.from)} to ${str(d.to)}${d.reason ? ` — ${tail(d.reason)}` : ''}.`
        : `${who} escalated the case from ${str(d.from)} to ${str(d.to)}.`;
    case 'deescalated':
      return `${who} de-escalated the case from ${str(d.from)} to ${str(d.to)}.`;
    case 'assigned': {
      const parts: string[] = [];
      const a = d.assignee as { to?: unknown } | undefined;
      const t = d.team as { to?: unknown } | undefined;
      if (a) parts.push(a.to === null || a.to === undefined ? 'unassigned the case' : `assigned the case to ${names.user(a.to)}`);
      if (t) parts.push(t.to === null || t.to === undefined ? 'removed its team' : `${a ? 'and ' : ''}routed it to ${names.team(t.to)}`);
      return `${who} ${parts.join(' ') || 'changed the assignment'}.`;
    }
    case 'decision_changed': {
      const ch = (d.changed ?? {}) as Record<string, unknown>;
      const parts = [
        change('priority', ch.priority),
        change('level', ch.level),
        change('escalate', ch.escalate, yesNo),
        ch.signals ? `signals now ${signalList((ch.signals as { to?: unknown }).to)}` : null,
        ch.redFlags ? `red flags now ${listOf((ch.redFlags as { to?: unknown }).to)}` : null,
        ch.actions ? `actions now ${listOf((ch.actions as { to?: unknown }).to)}` : null,
        ch.resolutionDue ? `resolution due ${formatDateTime(str((ch.resolutionDue as { to?: unknown }).to))}` : null,
        ch.levelOverrideCleared ? 'the manual level no longer applies' : null,
        ch.priorityOverrideCleared ? 'the manual priority no longer applies' : null,
      ].filter(Boolean);
      return `Ladder re-evaluated the decision: ${parts.join('; ') || 'no visible change'}.`;
    }
    case 'attachment_added':
      return `${who} attached ${str(d.fileName)} (${formatBytes(Number(d.sizeBytes) || 0)})${d.note ? `: ${tail(d.note)}.` : '.'}`;
    case 'promise_set':
      return `${who} promised “${str(d.promisedResolution)}” by ${formatDateTime(str(d.promisedBy))}.`;
    case 'rma_changed':
      return rmaSentence(who, d);
    case 'incident_linked':
      return `${who} linked the case to incident #${str(d.incidentId)} “${str(d.title)}”${d.reason === 'suggested' ? ' (suggested: same issue)' : ''}.`;
    case 'incident_unlinked':
      return `${who} unlinked the case from incident #${str(d.incidentId)} “${str(d.title)}”.`;
    case 'red_flag':
      return d.flag === MULTIPLE_COMPLAINTS_FLAG
        ? `Red flag: multiple complaints about the same issue — ${str(d.cases)} cases in incident #${str(d.incidentId)} (R001-15).`
        : `Red flag: ${humanize(str(d.flag))}.`;
    case 'fields_changed':
      return `${who} updated ${Object.keys(d).map(humanize).join(', ') || 'the case'}.`;
    default:
      return `${who}: ${humanize(e.type)}.`;
  }
}

const RMA_VERB: Record<string, string> = {
  request: 'requested return', approve: 'approved return', deny: 'denied return', cancel: 'cancelled return',
  send_label: 'sent the label for return', ship: 'marked in transit return', receive: 'received return',
  inspect: 'inspected return', refund: 'refunded return', credit: 'paid as store credit return',
};

/** An RMA move on the case (R004-05..R004-08); amounts are minor units and shown with the money panel. */
function rmaSentence(who: string, d: Record<string, unknown>): string {
  const verb = RMA_VERB[str(d.event)] ?? `changed return`;
  const extra = [
    d.approvalRequired === true ? 'needs a supervisor’s approval' : null,
    d.supervisorApproval === true ? 'supervisor approval' : null,
    d.reason ? tail(d.reason) : null,
    d.trackingNumber ? `tracking ${str(d.trackingNumber)}` : null,
  ].filter(Boolean);
  return `${who} ${verb} ${str(d.rma)}${extra.length ? ` — ${extra.join('; ')}` : ''}.`;
}

/** R000-10: a reply sent from a macro says so, and whether it was fitted or pasted as is. */
function fromMacro(d: Record<string, unknown>): string {
  if (d.unedited === true) return ' from a macro, unedited';
  const ratio = typeof d.editRatio === 'number' ? Math.round(d.editRatio * 100) : null;
  return ratio === null ? ' from a macro' : ` from a macro, ${ratio}% reworded`;
}
