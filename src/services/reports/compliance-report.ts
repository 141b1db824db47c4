import type { Store } from '../../store/database.js';
import { complianceEvents } from '../../store/repositories/compliance.repository.js';
import { listUsers } from '../../store/repositories/user.repository.js';
import { listTeams } from '../../store/repositories/team.repository.js';
import { caseListScope } from '../../domain/access/case-visibility.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { csvRows } from '../../integrations/csv/csv-writer.js';

export interface ComplianceLine {
  userId: string | null;
  name: string;
  team: string | null;
  replies: number;
  macroReplies: number;
  /** R000-10: canned replies pasted without fitting them to the customer. */
  uneditedMacroReplies: number;
  notes: number;
  attachments: number;
}

export interface ComplianceReport {
  from: string;
  to: string;
  cases: number;
  /** R002-08: every escalation carries an internal note with an overview. */
  escalations: { cases: number; withNote: number; missingNote: string[] };
  /** R000-11, R000-12: cases whose decision asks for photos, and whether evidence was attached. */
  evidence: { required: number; attached: number; missing: string[] };
  byPerson: ComplianceLine[];
  byTeam: (Omit<ComplianceLine, 'userId' | 'name' | 'team'> & { team: string })[];
}

function window(input: { from?: unknown; to?: unknown }): { from: string; to: string } {
  const to = input.to === undefined ? clock.now() : new Date(String(input.to));
  const from = input.from === undefined ? new Date(to.getTime() - 7 * 86_400_000) : new Date(String(input.from));
  if (Number.isNaN(from.getTime())) throw new DomainError('invalid_input', 'expected an ISO 8601 date or date-time', 'from');
  if (Number.isNaN(to.getTime())) throw new DomainError('invalid_input', 'expected an ISO 8601 date or date-time', 'to');
  if (from >= to) throw new DomainError('invalid_input', 'must be before to', 'from');
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * The compliance review (R000-12, R002-08, R004-11): for cases opened in a period, per person and
 * team — replies and how many came from an unedited macro, notes and attachments — plus escalated
 * cases without an internal note and photo-evidence cases without evidence. Default: the last 7 days.
 */
export async function complianceReport(store: Store, actor: Actor, input: { from?: unknown; to?: unknown }): Promise<ComplianceReport> {
  requirePermission(actor, 'audit.read');
  const w = window(input);
  const scope = caseListScope({ id: actor.id, role: actor.role, teamId: actor.teamId });
  const [{ cases, events }, users, teams] = await Promise.all([
    complianceEvents(store.db, w.from, w.to, scope.excludeCategories),
    listUsers(store.db, { includeDisabled: true }),
    listTeams(store.db),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const lines = new Map<string, ComplianceLine>();
  const lineOf = (actorId: number | null): ComplianceLine => {
    const key = actorId === null ? 'system' : String(actorId);
    let line = lines.get(key);
    if (!line) {
      const u = actorId === null ? undefined : userById.get(actorId);
      line = {
        userId: actorId === null ? null : String(actorId),
        name: u?.name ?? (actorId === null ? 'integrations and system' : `user ${actorId}`),
        team: u?.teamId ? teamName.get(u.teamId) ?? null : null,
        replies: 0, macroReplies: 0, uneditedMacroReplies: 0, notes: 0, attachments: 0,
      };
      lines.set(key, line);
    }
    return line;
  };
  const noted = new Set<number>();
  const attached = new Set<number>();
  for (const e of events) {
    if (e.type === 'message' && e.data.from === 'agent') {
      const line = lineOf(e.actorId);
      line.replies++;
      if (e.data.macroId !== undefined) {
        line.macroReplies++;
        if (e.data.unedited === true) line.uneditedMacroReplies++;
      }
    } else if (e.type === 'note' && e.actorKind === 'user') {
      lineOf(e.actorId).notes++;
      noted.add(e.caseId);
    } else if (e.type === 'attachment_added') {
      lineOf(e.actorId).attachments++;
      attached.add(e.caseId);
    }
  }
  const escalated = cases.filter((c) => c.escalated || events.some((e) => e.caseId === c.id && e.type === 'escalated'));
  const needPhotos = cases.filter((c) => Array.isArray(c.decision.actions) && (c.decision.actions as string[]).includes('request_photo'));
  const byTeam = new Map<string, ComplianceReport['byTeam'][number]>();
  for (const line of lines.values()) {
    const key = line.team ?? 'no team';
    const t = byTeam.get(key) ?? { team: key, replies: 0, macroReplies: 0, uneditedMacroReplies: 0, notes: 0, attachments: 0 };
    t.replies += line.replies;
    t.macroReplies += line.macroReplies;
    t.uneditedMacroReplies += line.uneditedMacroReplies;
    t.notes += line.notes;
    t.attachments += line.attachments;
    byTeam.set(key, t);
  }
  return {
    ...w,
    cases: cases.length,
    escalations: { cases: escalated.length, withNote: escalated.filter((c) => noted.has(c.id)).length, missingNote: escalated.filter((c) => !noted.has(c.id)).map((c) => String(c.id)) },
    evidence: { required: needPhotos.length, attached: needPhotos.filter((c) => attached.has(c.id)).length, missing: needPhotos.filter((c) => !attached.has(c.id)).map((c) => String(c.id)) },
    byPerson: [...lines.values()].sort((a, b) => b.replies - a.replies),
    byTeam: [...byTeam.values()],
  };
}

export function complianceReportCsv(r: ComplianceReport): string {
  return csvRows(
    ['person', 'team', 'replies', 'macro replies', 'unedited macro replies', 'internal notes', 'attachments'],
    r.byPerson.map((l) => [l.name, l.team, l.replies, l.macroReplies, l.uneditedMacroReplies, l.notes, l.attachments]),
  );
}
