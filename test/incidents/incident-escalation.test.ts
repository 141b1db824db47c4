import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { nextOrderNumber } from '../logs/log-world.js';
import { DEFAULT_POLICY_TEXT } from '../policy/policy-test-kit.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { deescalateCase } from '../../src/services/cases/change-case-level.js';
import { openIncident } from '../../src/services/incidents/manage-incidents.js';
import { applyIncidentSuggestions } from '../../src/services/incidents/suggest-incidents.js';
import { sendIncidentEscalationNotice } from '../../src/services/incidents/incident-escalation-notice.js';
import { INCIDENT_ESCALATION_NOTICE_JOB, type IncidentEscalationNoticePayload } from '../../src/services/incidents/escalate-flagged-case.js';
import { applyPolicy, validatePolicyText } from '../../src/services/policy/manage-policy.js';
import { findCaseById } from '../../src/store/repositories/case.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { listCaseClocks } from '../../src/store/repositories/case-clock.repository.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { listNotifications } from '../../src/store/repositories/notification.repository.js';
import { insertWebhookEndpoint } from '../../src/store/repositories/webhook-endpoint.repository.js';
import { insertTeam } from '../../src/store/repositories/team.repository.js';
import { insertUser, type UserRecord } from '../../src/store/repositories/user.repository.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { clock } from '../../src/services/clock.js';

// R001-15: "multiple complaints about the same issue" is a red flag, and red flags escalate up.
const dialects = await availableDialects();
const realNow = clock.now;

describe.each(dialects)('an incident red flag escalates its cases on %s', (dialect) => {
  let t: TestApp;
  let leadOfL2: UserRecord;
  let leadsTeamId: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const at = '2030-12-01T00:00:00.000Z';
    const leads = await insertTeam(t.store.db, { key: 'leads', name: 'Leads', kind: 'support', calendar: null, at });
    leadsTeamId = leads.id;
    leadOfL2 = await insertUser(t.store.db, { email: 'l2@test.ladder', name: 'L2 lead', role: 'lead', teamId: leads.id, passwordHash: null, at });
    await insertWebhookEndpoint(t.store.db, { url: 'http://127.0.0.1:9/hooks', secret: 'whsec-test-0123456789abcdef', events: ['case.escalated'], at });
  });
  afterEach(() => { clock.now = realNow; });
  afterAll(async () => { await t?.close(); });

  const at = (iso: string) => { clock.now = () => new Date(iso); };
  async function complaint(category: string): Promise<number> {
    const number = nextOrderNumber();
    return Number((await openCase(t.store, t.actors.agent, { body: { category, subject: `${category} ${number}`, customer: { id: `C-${number}` }, order: { number } } })).id);
  }
  const events = async (caseId: number) => listCaseEvents(t.store.db, caseId, { includeInternal: true });
  async function noticeJobs(): Promise<IncidentEscalationNoticePayload[]> {
    const rows = await t.store.db.selectFrom('jobs').select('payload_json').where('kind', '=', INCIDENT_ESCALATION_NOTICE_JOB.kind).execute();
    return rows.map((r) => JSON.parse(r.payload_json) as IncidentEscalationNoticePayload);
  }

  it('each flagged case goes up to L2 with the incident and R001-15 named, re-routed, clocks kept, audited, case.escalated queued (R001-15)', async () => {
    at('2031-02-03T15:00:00Z');
    const ids = [await complaint('packaging_issue'), await complaint('packaging_issue'), await complaint('packaging_issue')];
    const { applied } = await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now: new Date('2031-02-03T15:30:00Z'), dimension: 'category', key: 'packaging_issue' });
    expect(applied).toMatchObject([{ created: true, flagged: ids.map(String), escalated: ids.map(String) }]);
    const incidentId = applied[0]!.incidentId;

    for (const id of ids) {
      const c = (await findCaseById(t.store.db, id))!;
      expect(c).toMatchObject({ level: 'L2', escalated: true, teamId: leadsTeamId, policyLevel: 'L2' });
      const decision = c.decision as { level: string; redFlags: string[]; reasons: { rule: string; text: string }[] };
      expect(decision.redFlags).toContain('multiple_complaints_same_issue');
      expect(decision.reasons).toContainEqual({ rule: 'R001-15', text: expect.stringContaining(`incident #${incidentId}`) });
      const escalated = (await events(id)).filter((e) => e.type === 'escalated');
      expect(escalated).toHaveLength(1);
      expect(escalated[0]!.data).toMatchObject({ from: 'L1', to: 'L2', by: 'incident', rule: 'R001-15', incidentId });
      expect(escalated[0]!.data.reason).toMatch(/R001-15.*incident #\d+/);
      // The resolution promise keeps running on the case's (unchanged) priority target.
      const resolution = (await listCaseClocks(t.store.db, id)).find((k) => k.kind === 'resolution');
      expect(resolution).toMatchObject({ state: 'running' });
      expect(resolution!.dueAt).toBe(c.resolutionDueAt);
      const outbox = await listOutbox(t.store.db, { caseId: id, limit: 20 });
      expect(outbox.filter((o) => o.event === 'case.escalated')).toHaveLength(1);
    }
    const audit = await listAuditEvents(t.store.db, { entityType: 'incident', limit: 200 });
    expect(audit.filter((e) => e.entityId === incidentId && e.action === 'incident.escalated').map((e) => e.data.caseId).sort()).toEqual([...ids].sort());

    // The next level's team hears through the outbox, once per escalation however often the job runs.
    const jobs = (await noticeJobs()).filter((j) => ids.includes(j.caseId));
    expect(jobs).toHaveLength(3);
    const channels = { email: false, inApp: true, webhooks: true };
    for (const job of jobs) {
      expect(job.teamId).toBe(leadsTeamId);
      await sendIncidentEscalationNotice(t.store, job, { channels, publicUrl: null, now: new Date('2031-02-03T15:31:00Z') });
      expect((await sendIncidentEscalationNotice(t.store, job, { channels, publicUrl: null, now: new Date('2031-02-03T15:32:00Z') })).outboxIds).toEqual([]);
    }
    const heard = (await listNotifications(t.store.db, { userId: leadOfL2.id, limit: 50 })).filter((n) => n.kind === 'incident_escalated');
    expect(heard.map((n) => n.caseId).sort()).toEqual([...ids].sort());
    // The notice is not a second webhook: receivers heard case.escalated.
    expect((await listOutbox(t.store.db, { caseId: ids[0]!, limit: 20 })).filter((o) => o.channel === 'webhook').map((o) => o.event)).toEqual(['case.escalated']);

    // Re-deciding the case (a new customer message) keeps the red flag's level and reason.
    at('2031-02-03T16:00:00Z');
    await addCaseMessage(t.store, t.actors.agent, { caseId: String(ids[0]), from: 'customer', text: 'Any news on the crushed box?' });
    const after = (await findCaseById(t.store.db, ids[0]!))!;
    expect(after.level).toBe('L2');
    expect((after.decision as { reasons: { rule: string }[] }).reasons.map((r) => r.rule)).toContain('R001-15');
  });

  it('a case flagged by a second incident, or by a re-run sweep, escalates once, at least one level up; the top level stays put (R001-15)', async () => {
    at('2031-04-07T15:00:00Z');
    const ids = [await complaint('invalid_tracking'), await complaint('invalid_tracking'), await complaint('invalid_tracking')];
    const now = new Date('2031-04-07T15:30:00Z');
    const first = await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now, dimension: 'category', key: 'invalid_tracking' });
    expect(first.applied[0]!.escalated).toEqual(ids.map(String));
    expect((await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now, dimension: 'category', key: 'invalid_tracking' })).applied).toEqual([]);
    const second = await openIncident(t.store, t.actors.agent, { title: 'Tracking numbers from the new label printer', caseIds: ids.map(String) });
    expect(second.caseCount).toBe(3);
    for (const id of ids) {
      expect((await events(id)).filter((e) => e.type === 'red_flag')).toHaveLength(2);
      expect((await events(id)).filter((e) => e.type === 'escalated')).toHaveLength(1);
      // invalid_tracking starts at L3 (R003-05): "escalate up" is one level above, whatever escalateTo's floor.
      expect((await findCaseById(t.store.db, id))!.level).toBe('L4');
    }
    const top = [await complaint('foreign_object'), await complaint('foreign_object'), await complaint('foreign_object')];
    const atTop = await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now, dimension: 'category', key: 'foreign_object' });
    expect(atTop.applied[0]).toMatchObject({ flagged: top.map(String), escalated: [] });
    for (const id of top) expect((await findCaseById(t.store.db, id))!.level).toBe('L4');
  });

  it('a case sent down by hand is still sent up by the red flag: the manual level yields (R001-15)', async () => {
    at('2031-05-05T15:00:00Z');
    const ids = [await complaint('label_created_stale'), await complaint('label_created_stale'), await complaint('label_created_stale')];
    await deescalateCase(t.store, t.actors.admin, { caseId: String(ids[0]), to: 'L2', reason: 'the label was reprinted' });
    expect((await findCaseById(t.store.db, ids[0]!))!.level).toBe('L2');
    await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now: new Date('2031-05-05T15:30:00Z'), dimension: 'category', key: 'label_created_stale' });
    expect(await findCaseById(t.store.db, ids[0]!)).toMatchObject({ level: 'L3', levelOverride: null });
    expect((await events(ids[0]!)).filter((e) => e.type === 'escalated').map((e) => [e.data.from, e.data.to])).toEqual([['L2', 'L3']]);
  });

  it('escalateTo is policy: L3 sends an L1 case to L3, false only flags, a bad value is refused naming incidents.escalateTo (R001-15)', async () => {
    const bad = validatePolicyText(`${DEFAULT_POLICY_TEXT}\nincidents:\n  escalateTo: L1\n`);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ path: 'incidents.escalateTo' });
    const upload = await t.app.inject({
      method: 'PUT', url: '/api/v1/policy', headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'application/json' },
      payload: { yaml: `${DEFAULT_POLICY_TEXT}\nincidents:\n  escalateTo: up\n` },
    });
    expect(upload.statusCode).toBeGreaterThanOrEqual(400);
    expect(upload.statusCode).toBeLessThan(500);
    expect(upload.body).toContain('incidents.escalateTo');

    try {
      await applyPolicy(t.store, SYSTEM_ACTOR, { yaml: `${DEFAULT_POLICY_TEXT}\nincidents:\n  escalateTo: L3\n` });
      at('2031-06-02T15:00:00Z');
      const high = [await complaint('wrong_item'), await complaint('wrong_item'), await complaint('wrong_item')];
      await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now: new Date('2031-06-02T15:30:00Z'), dimension: 'category', key: 'wrong_item' });
      for (const id of high) expect((await findCaseById(t.store.db, id))!.level).toBe('L3');

      await applyPolicy(t.store, SYSTEM_ACTOR, { yaml: `${DEFAULT_POLICY_TEXT}\nincidents:\n  escalateTo: false\n` });
      at('2031-08-04T15:00:00Z');
      const flagOnly = [await complaint('missing_item'), await complaint('missing_item'), await complaint('missing_item')];
      const { applied } = await applyIncidentSuggestions(t.store, SYSTEM_ACTOR, { now: new Date('2031-08-04T15:30:00Z'), dimension: 'category', key: 'missing_item' });
      expect(applied[0]).toMatchObject({ flagged: flagOnly.map(String), escalated: [] });
      for (const id of flagOnly) expect((await findCaseById(t.store.db, id))!.level).toBe('L1');
    } finally {
      await applyPolicy(t.store, SYSTEM_ACTOR, { yaml: DEFAULT_POLICY_TEXT });
    }
  });
});
