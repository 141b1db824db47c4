import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, createTestStore, type TestStore } from '../support/databases.js';
import { seedDefaultPolicy } from '../../src/services/policy/load-policy-runtime.js';
import { insertTeam } from '../../src/store/repositories/team.repository.js';
import { insertUser, updateUser, type UserRecord } from '../../src/store/repositories/user.repository.js';
import { findCaseById } from '../../src/store/repositories/case.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { insertOutboxRows, listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { listNotifications } from '../../src/store/repositories/notification.repository.js';
import { insertWebhookEndpoint } from '../../src/store/repositories/webhook-endpoint.repository.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions.js';
import { queueDueClockAlerts } from '../../src/jobs/sla-sweep.job.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import { createSmtpMailer } from '../../src/integrations/email/smtp-mailer.js';
import { createWebhookSender } from '../../src/integrations/webhooks/webhook-sender.js';
import { verifyWebhookSignature } from '../../src/integrations/webhooks/webhook-signature.js';
import { processClockAlert } from '../../src/services/sla/process-clock-alert.js';
import { deliverOutboxRow } from '../../src/services/notifications/deliver-outbox-row.js';
import { SLA_ESCALATION_REASON } from '../../src/services/sla/sla-escalation.js';
import type { Mailer } from '../../src/integrations/email/mailer.js';
import { clocksOf, message, openTestCase, sync } from './sla-test-kit.js';
import { startSmtpSink, startWebhookSink } from './notification-sinks.js';

const dialects = await availableDialects();
const SECRET = 'whsec-test-0123456789abcdef';

// Issue 4 items 5 and 6. A P1 case opened 2026-11-20T15:00Z: first response due 15:30 (warning
// 15:24), resolution due 17:00 (warning 16:36).

describe.each(dialects)('SLA warnings, breaches and notifications on %s', (dialect) => {
  let store: TestStore;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
  let mailer: Mailer;
  let agent: UserRecord;
  let lead: UserRecord;
  let firstLineId: number;
  let nowMs = 0;
  let runner: JobRunner<WorkerServices>;

  const at = (iso: string) => { nowMs = Date.parse(iso); };
  /** A sweep and every job it leads to, at the current test time. */
  async function sweepAndRun() {
    const now = new Date(nowMs);
    await queueDueClockAlerts(store, { now, lookAheadMs: 0, limit: 1000 });
    await runner.runDue();
  }

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await seedDefaultPolicy(store);
    const t = '2026-11-01T00:00:00.000Z';
    const firstLine = await insertTeam(store.db, { key: 'first_line', name: 'First line', kind: 'support', calendar: null, at: t });
    const leads = await insertTeam(store.db, { key: 'leads', name: 'Leads', kind: 'support', calendar: null, at: t });
    firstLineId = firstLine.id;
    agent = await insertUser(store.db, { email: 'agent@test.ladder', name: 'Agent', role: 'agent', teamId: firstLine.id, passwordHash: null, at: t });
    lead = await insertUser(store.db, { email: 'lead@test.ladder', name: 'Lead', role: 'lead', teamId: leads.id, passwordHash: null, at: t });
    smtp = await startSmtpSink();
    hooks = await startWebhookSink((req) => (req.headers['x-ladder-event'] === 'sla.warning' && hooks.requests.filter((r) => r.headers['x-ladder-delivery'] === req.headers['x-ladder-delivery']).length === 1 ? 503 : 200));
    await insertWebhookEndpoint(store.db, { url: hooks.url, secret: SECRET, events: ['*'], at: t });
    mailer = createSmtpMailer({ url: smtp.url, from: 'Ladder <desk@shop.test>' });
    runner = new JobRunner<WorkerServices>({
      store,
      definitions: JOB_DEFINITIONS,
      services: {
        alerts: { channels: { email: true, inApp: true, webhooks: true }, publicUrl: 'https://desk.shop.test' },
        transports: { mailer, mailDomain: 'shop.test', sendWebhook: createWebhookSender() },
        slaLookAheadMs: 0,
        sweepBatchLimit: 1000,
      },
      now: () => new Date(nowMs),
      random: () => 0,
    });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await hooks?.close();
    await store?.dispose();
  });

  it('at 80% of the first response the owner is warned once: timeline, in-app, email, signed webhook retried (R001-12)', async () => {
    const { opened } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    at('2026-11-20T15:23:00.000Z');
    await sweepAndRun();
    expect((await listCaseEvents(store.db, opened.id, { includeInternal: true })).map((e) => e.type)).not.toContain('sla_warning');

    at('2026-11-20T15:24:30.000Z');
    await sweepAndRun();
    await sweepAndRun();
    const events = (await listCaseEvents(store.db, opened.id, { includeInternal: true })).filter((e) => e.type === 'sla_warning');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ clock: 'first_response', dueAt: '2026-11-20T15:30:00.000Z' });

    const outbox = await listOutbox(store.db, { caseId: opened.id, limit: 50 });
    expect(outbox.map((o) => `${o.channel}:${o.recipient}`).sort()).toEqual([`email:agent@test.ladder`, `in_app:user:${agent.id}`, 'webhook:endpoint:1']);
    expect((await listNotifications(store.db, { userId: agent.id, limit: 10 })).map((n) => n.kind)).toEqual(['sla_warning']);
    const mails = smtp.mails.filter((m) => m.subject?.includes(`#${opened.id}:`));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['agent@test.ladder'] });
    expect(mails[0]!.messageId).toBe(`<${mails[0]!.deliveryId}@shop.test>`);

    // The webhook answered 503 the first time: the retry carries the same delivery id and a valid signature.
    const webhook = outbox.find((o) => o.channel === 'webhook')!;
    expect(webhook).toMatchObject({ state: 'pending', attempts: 1 });
    at('2026-11-20T15:25:00.000Z');
    await runner.runDue();
    const deliveries = hooks.requests.filter((r) => JSON.parse(r.body).caseId === String(opened.id));
    expect(deliveries).toHaveLength(2);
    expect(new Set(deliveries.map((d) => d.headers['x-ladder-delivery'])).size).toBe(1);
    for (const d of deliveries) expect(verifyWebhookSignature(SECRET, d.body, d.headers['x-ladder-signature'] as string)).toBe(true);
    expect(JSON.parse(deliveries[1]!.body)).toMatchObject({ event: 'sla.warning', data: { clock: 'first_response' } });
    expect((await listOutbox(store.db, { caseId: opened.id, channel: 'webhook', limit: 5 }))[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('a missed resolution alerts owner and next level, and raises the case one level (R001-13, R002-01)', async () => {
    const { opened } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    // The agent answers in time; the resolution promise is missed.
    await sync(store, opened, opened, '2026-11-20T15:10:00.000Z', [message('agent', '2026-11-20T15:10:00.000Z')]);
    at('2026-11-20T16:37:00.000Z');
    await sweepAndRun();
    at('2026-11-20T17:00:01.000Z');
    await sweepAndRun();
    await sweepAndRun();

    const types = (await listCaseEvents(store.db, opened.id, { includeInternal: true })).map((e) => e.type);
    expect(types.filter((t) => t === 'sla_breached')).toHaveLength(1);
    expect(types.filter((t) => t === 'sla_warning')).toHaveLength(1);
    const escalated = (await listCaseEvents(store.db, opened.id, { includeInternal: true })).find((e) => e.type === 'escalated');
    expect(escalated?.data).toMatchObject({ from: 'L1', to: 'L2', reason: SLA_ESCALATION_REASON, by: 'sla' });
    const after = await findCaseById(store.db, opened.id);
    expect(after).toMatchObject({ level: 'L2', levelOverride: 'L2', escalated: true, assigneeId: null });

    // Webhook rows carry the public dotted name (issue 7 item 5); the raise is announced as case.escalated.
    const caseRows = await listOutbox(store.db, { caseId: opened.id, limit: 50 });
    const breachRows = caseRows.filter((o) => o.event === 'sla_breached' || o.event === 'sla.breached');
    expect(caseRows.filter((o) => o.event === 'case.escalated').map((o) => o.recipient)).toEqual(['endpoint:1']);
    expect(breachRows.map((o) => `${o.channel}:${o.recipient}`).sort()).toEqual([
      'email:agent@test.ladder', 'email:lead@test.ladder', `in_app:user:${agent.id}`, `in_app:user:${lead.id}`, 'webhook:endpoint:1',
    ]);
    expect(breachRows.every((o) => o.state === 'sent')).toBe(true);
    const breachMails = smtp.mails.filter((m) => m.subject?.startsWith(`[Ladder] SLA breached on case #${opened.id}:`));
    expect(breachMails.map((m) => m.to[0]).sort()).toEqual(['agent@test.ladder', 'lead@test.ladder']);
    expect((await clocksOf(store, opened.id)).resolution).toMatchObject({ state: 'breached', breachedAt: '2026-11-20T17:00:00.000Z', dueAt: null });
  });

  it('a missed first response alerts but does not move the case (default escalateOn: resolution)', async () => {
    const { opened } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    at('2026-11-20T15:31:00.000Z');
    await sweepAndRun();
    const events = await listCaseEvents(store.db, opened.id, { includeInternal: true });
    expect(events.find((e) => e.type === 'sla_breached')?.data).toMatchObject({ clock: 'first_response', breachedAt: '2026-11-20T15:30:00.000Z' });
    expect(events.map((e) => e.type)).not.toContain('escalated');
    expect((await findCaseById(store.db, opened.id))!.level).toBe('L1');
  });

  it('a clock met before its job runs is not alerted; a second run of a handled alert changes nothing', async () => {
    const { opened } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    const clockId = (await clocksOf(store, opened.id)).first_response!.id;
    await queueDueClockAlerts(store, { now: new Date('2026-11-20T15:00:00.000Z'), lookAheadMs: 3_600_000, limit: 1000 });
    await sync(store, opened, opened, '2026-11-20T15:20:00.000Z', [message('agent', '2026-11-20T15:20:00.000Z')]);
    const late = { clockId, now: new Date('2026-11-20T15:31:00.000Z'), channels: { email: true, inApp: true, webhooks: true }, publicUrl: null };
    expect(await processClockAlert(store, { ...late, alert: 'breach' })).toEqual({ outcome: 'nothing_pending' });

    const { opened: other } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    const otherClock = (await clocksOf(store, other.id)).first_response!.id;
    const early = await processClockAlert(store, { ...late, clockId: otherClock, now: new Date('2026-11-20T15:29:00.000Z'), alert: 'breach' });
    expect(early).toEqual({ outcome: 'not_due', runAgainAt: new Date('2026-11-20T15:30:00.001Z') });
    const first = await processClockAlert(store, { ...late, clockId: otherClock, alert: 'breach' });
    expect(first.outcome).toBe('alerted');
    expect(await processClockAlert(store, { ...late, clockId: otherClock, alert: 'breach' })).toEqual({ outcome: 'nothing_pending' });
    expect((await listCaseEvents(store.db, other.id, { includeInternal: true })).filter((e) => e.type === 'sla_breached')).toHaveLength(1);
  });

  it('a pending in-app outbox row is delivered once however often the deliverer runs (exactly once)', async () => {
    const { opened } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    const [row] = await insertOutboxRows(store.db, [{
      channel: 'in_app', dedupeKey: `case:${opened.id}|test|in_app|user:${agent.id}`, caseId: opened.id, event: 'sla_warning',
      recipient: `user:${agent.id}`, payload: { userId: agent.id, kind: 'sla_warning', text: 'hello' },
    }], '2026-11-20T15:00:00.000Z');
    const transports = { mailer, mailDomain: 'shop.test', sendWebhook: createWebhookSender() };
    const outcomes = await Promise.all([1, 2, 3].map(() => deliverOutboxRow(store, transports, row!.id, new Date('2026-11-20T15:00:01.000Z'), undefined, 'in_app')));
    expect(outcomes.sort()).toEqual(['already_sent', 'already_sent', 'sent']);
    expect((await listNotifications(store.db, { userId: agent.id, limit: 100 })).filter((n) => n.text === 'hello')).toHaveLength(1);
  });

  it('without SMTP no email rows are written; in-app still arrives', async () => {
    const { opened } = await openTestCase(store, { assigneeId: agent.id, teamId: firstLineId });
    const clockId = (await clocksOf(store, opened.id)).first_response!.id;
    await processClockAlert(store, { clockId, alert: 'breach', now: new Date('2026-11-20T15:31:00.000Z'), channels: { email: false, inApp: true, webhooks: false }, publicUrl: null });
    const rows = await listOutbox(store.db, { caseId: opened.id, limit: 10 });
    expect(rows.map((o) => `${o.channel}:${o.recipient}`).sort()).toEqual([`in_app:user:${agent.id}`, `in_app:user:${lead.id}`]);
  });

  it('a breach of an unassigned case, or of one whose assignee is disabled, alerts the enabled members of its team and of the next level', async () => {
    // Runs last: the accounts added here would change who the earlier tests expect to hear.
    const t = '2026-11-01T00:00:00.000Z';
    const colleague = await insertUser(store.db, { email: 'colleague@test.ladder', name: 'Colleague', role: 'agent', teamId: firstLineId, passwordHash: null, at: t });
    const gone = await insertUser(store.db, { email: 'gone@test.ladder', name: 'Gone', role: 'agent', teamId: firstLineId, passwordHash: null, at: t });
    await updateUser(store.db, gone.id, { disabledAt: t }, t);
    const goneLead = await insertUser(store.db, { email: 'gone-lead@test.ladder', name: 'Gone lead', role: 'lead', teamId: lead.teamId, passwordHash: null, at: t });
    await updateUser(store.db, goneLead.id, { disabledAt: t }, t);
    const heard = [`in_app:user:${agent.id}`, `in_app:user:${colleague.id}`, `in_app:user:${lead.id}`].sort();
    for (const assigneeId of [null, gone.id]) {
      const { opened } = await openTestCase(store, { assigneeId, teamId: firstLineId });
      const clockId = (await clocksOf(store, opened.id)).first_response!.id;
      const outcome = await processClockAlert(store, { clockId, alert: 'breach', now: new Date('2026-11-20T15:31:00.000Z'), channels: { email: false, inApp: true, webhooks: false }, publicUrl: null });
      expect(outcome.outcome).toBe('alerted');
      const rows = await listOutbox(store.db, { caseId: opened.id, limit: 10 });
      expect(rows.map((o) => `${o.channel}:${o.recipient}`).sort()).toEqual(heard);
    }
  });
});
