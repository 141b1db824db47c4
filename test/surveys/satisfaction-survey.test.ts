import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import type { MailMessage } from '../../src/integrations/email/mailer.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { clock } from '../../src/services/clock.js';

const dialects = await availableDialects();
const PUBLIC_URL = 'https://desk.shop.test';
const realNow = clock.now;

// Issue 7 item 3: the satisfaction survey on resolution (R004-07 ask for feedback, R004-09 record
// the rating), its one-click links, and CSAT in the desk metrics (R004-11).

describe.each(dialects)('satisfaction survey on %s', (dialect) => {
  let t: TestApp;
  let runner: JobRunner<WorkerServices>;
  const mails: MailMessage[] = [];

  const api = (method: 'GET' | 'POST', url: string, body?: unknown, token = t.tokens.lead) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(token), ...(body === undefined ? {} : { payload: body as object }) });

  /** Opens a case for a customer, resolves it, and runs the deliveries: the survey links by score. */
  async function resolvedCaseLinks(customer: Record<string, unknown>): Promise<{ caseId: string; links: Map<number, string> }> {
    const opened = (await api('POST', '/cases', { category: 'damaged_item', customer }, t.tokens.agent)).json() as { id: string };
    await api('POST', `/cases/${opened.id}/assign`, { assigneeId: String(t.actors.agent.id) });
    const resolved = await api('POST', `/cases/${opened.id}/status`, { status: 'resolved', reason: 'refunded' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await runner.runDue();
    const mail = mails.find((m) => m.subject.includes(`#${opened.id} `));
    const links = new Map<number, string>();
    for (const match of mail?.text.matchAll(/ (\d) – [^:]+: (\S+)/g) ?? []) links.set(Number(match[1]), match[2]!.slice(PUBLIC_URL.length));
    return { caseId: opened.id, links };
  }

  const visit = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: path, headers });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    runner = new JobRunner<WorkerServices>({
      store: t.store,
      definitions: JOB_DEFINITIONS,
      services: {
        alerts: { channels: { email: false, inApp: true, webhooks: false }, publicUrl: null },
        transports: {
          mailer: { send: async (m) => { mails.push(m); }, close: () => undefined },
          mailDomain: 'shop.test', sendWebhook: async () => ({ status: 200 }),
          survey: { publicUrl: PUBLIC_URL, linkTtlDays: 14 },
        },
        slaLookAheadMs: 0,
        sweepBatchLimit: 1000,
      },
      now: () => clock.now(),
      random: () => 0,
    });
  });
  afterEach(() => { clock.now = realNow; });
  afterAll(async () => { await t?.close(); });

  it('resolving a case emails the customer one signed link per score, through the outbox, once (R004-07)', async () => {
    const { caseId, links } = await resolvedCaseLinks({ id: 'C-SV-1', name: 'Ava', email: 'Ava@Example.com' });
    expect([...links.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    for (const path of links.values()) expect(path).toMatch(/^\/survey\/\d+\.[1-5]\.[A-Za-z0-9_-]{43}$/);
    const rows = (await listOutbox(t.store.db, { caseId: Number(caseId), channel: 'email', limit: 10 })).filter((r) => r.event === 'satisfaction_survey');
    expect(rows).toMatchObject([{ recipient: 'ava@example.com', state: 'sent' }]);
    expect(mails.find((m) => m.subject.includes(`#${caseId} `))!.to).toBe('ava@example.com');

    // Reopened and resolved again: still one survey for the case.
    await api('POST', `/cases/${caseId}/status`, { status: 'open', reason: 'customer wrote back' });
    await api('POST', `/cases/${caseId}/status`, { status: 'resolved', reason: 'done' });
    expect((await listOutbox(t.store.db, { caseId: Number(caseId), channel: 'email', limit: 10 })).filter((r) => r.event === 'satisfaction_survey')).toHaveLength(1);
  });

  it('a customer without an email address gets no survey', async () => {
    const opened = (await api('POST', '/cases', { category: 'order_status', customer: { id: 'C-SV-0' } }, t.tokens.agent)).json() as { id: string };
    await api('POST', `/cases/${opened.id}/status`, { status: 'resolved', reason: 'answered' });
    expect((await listOutbox(t.store.db, { caseId: Number(opened.id), limit: 10 })).filter((r) => r.event === 'satisfaction_survey')).toEqual([]);
  });

  it('one click records the rating on the timeline and thanks the customer; the link works once (R004-09)', async () => {
    const { caseId, links } = await resolvedCaseLinks({ id: 'C-SV-2', email: 'bo@example.com' });
    const page = await visit(links.get(4)!);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('4 out of 5');
    expect(page.body).toContain(`action="${links.get(4)!}/comment"`);
    const rated = (await listCaseEvents(t.store.db, Number(caseId), { includeInternal: false })).filter((e) => e.type === 'satisfaction_rated');
    expect(rated).toMatchObject([{ actorKind: 'customer', data: { score: 4, scale: 5 } }]);
    expect((await api('GET', `/cases/${caseId}`)).json().timeline.some((e: { type: string }) => e.type === 'satisfaction_rated')).toBe(true);

    for (const again of [links.get(4)!, links.get(1)!]) {
      const reused = await visit(again);
      expect(reused.statusCode).toBe(409);
      expect(reused.headers['x-ladder-error-code']).toBe('survey_already_answered');
      expect(reused.body).toContain('survey_already_answered');
    }
    expect((await visit(links.get(2)!, { accept: 'application/json' })).json()).toMatchObject({ error: { code: 'survey_already_answered' } });

    const comment = await t.app.inject({
      method: 'POST', url: `${links.get(4)!}/comment`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'comment=Fast+and+kind%2C+thanks',
    });
    expect(comment.statusCode, comment.body).toBe(200);
    const commented = (await listCaseEvents(t.store.db, Number(caseId), { includeInternal: false })).filter((e) => e.type === 'satisfaction_commented');
    expect(commented).toMatchObject([{ data: { comment: 'Fast and kind, thanks', score: 4 } }]);
    const twice = await t.app.inject({ method: 'POST', url: `${links.get(4)!}/comment`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'comment=again' });
    expect(twice.statusCode).toBe(409);
    const actions = (await listAuditEvents(t.store.db, { entityType: 'case', entityId: caseId, limit: 20 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['survey.rated', 'survey.commented']));
  });

  it('edited, unknown and expired links get a clear page and a stable 4xx code; a bad comment names the field', async () => {
    const { links } = await resolvedCaseLinks({ id: 'C-SV-3', email: 'cy@example.com' });
    const five = links.get(5)!;
    const tampered = five.replace(/\.5\./, '.1.');
    for (const path of [tampered, '/survey/12345.3.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/survey/not-a-token']) {
      const res = await visit(path);
      expect({ path, status: res.statusCode, code: res.headers['x-ladder-error-code'] }).toEqual({ path, status: 404, code: 'survey_link_invalid' });
      expect(res.body).toContain('This link does not work');
    }
    const empty = await t.app.inject({ method: 'POST', url: `${five}/comment`, headers: { accept: 'application/json' }, payload: { comment: ' ' } });
    expect([empty.statusCode, empty.json().error]).toEqual([422, { code: 'invalid_input', message: expect.any(String), field: 'comment' }]);
    const early = await t.app.inject({ method: 'POST', url: `${five}/comment`, headers: { accept: 'application/json' }, payload: { comment: 'hi' } });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'survey_not_rated']);

    const later = new Date(Date.now() + 15 * 86_400_000);
    clock.now = () => later;
    const expired = await visit(five);
    expect([expired.statusCode, expired.headers['x-ladder-error-code']]).toEqual([410, 'survey_link_expired']);
    expect(expired.body).toContain('This link has expired');
  });

  it('ratings become CSAT per team, agent and period, for supervisors; the desk dashboard shows it (R004-11)', async () => {
    const { links } = await resolvedCaseLinks({ id: 'C-SV-4', email: 'di@example.com' });
    expect((await visit(links.get(2)!)).statusCode).toBe(200);
    const stats = await api('GET', '/reports/csat');
    expect(stats.statusCode).toBe(200);
    // Ratings so far: 4 (case C-SV-2) and 2 (this one).
    expect(stats.json().overall).toEqual({ responses: 2, satisfied: 1, csat: 0.5, averageScore: 3, scale: 5 });
    expect(stats.json().byAgent).toEqual([expect.objectContaining({ id: String(t.actors.agent.id), responses: 2, csat: 0.5 })]);
    expect(stats.json().byDay).toHaveLength(1);
    expect((await api('GET', '/reports/csat', undefined, t.tokens.agent)).statusCode).toBe(403);
    expect((await api('GET', '/reports/csat?from=yesterday')).json().error).toMatchObject({ code: 'invalid_input', field: 'from' });
    const csv = await api('GET', '/reports/csat?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('group,id,name,responses,satisfied,csat,average score');
    expect((await api('GET', '/reports/desk')).json().csat).toMatchObject({ value: 0.5, responses: 2, averageScore: 3 });
  });
});
