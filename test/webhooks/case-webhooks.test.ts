import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { JobRunner } from '../../src/jobs/job-runner.js';
import { JOB_DEFINITIONS } from '../../src/jobs/job-definitions.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import { createWebhookSender } from '../../src/integrations/webhooks/webhook-sender.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { findCaseById } from '../../src/store/repositories/case.repository.js';
import { listCaseEvents } from '../../src/store/repositories/case-event.repository.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { publishCaseEvents } from '../../src/services/notifications/publish-case-events.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const dialects = await availableDialects();

// Issue 7 item 5: outgoing webhooks for case events, end to end against a real local receiver that
// verifies every signature over the raw bytes it got.

describe.each(dialects)('outgoing case webhooks on %s', (dialect) => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let runner: JobRunner<WorkerServices>;
  /** The worker's clock runs ahead of the wall clock by this much (retries wait hours). */
  let aheadMs = 0;

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, token = t.tokens.admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: auth(token), ...(body === undefined ? {} : { payload: body as object }) });

  async function addEndpoint(path: string, body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
    const res = await api('POST', '/webhooks', { url: receiver.urlFor(path), ...body });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: string; secret: string };
    receiver.secrets.set(path, created.secret);
    return created;
  }

  const at = (path: string) => receiver.received.filter((r) => r.path === path);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    receiver = await startWebhookReceiver();
    runner = new JobRunner<WorkerServices>({
      store: t.store,
      definitions: JOB_DEFINITIONS,
      services: {
        alerts: { channels: { email: false, inApp: true, webhooks: true }, publicUrl: null },
        transports: { mailer: null, mailDomain: 'shop.test', sendWebhook: createWebhookSender() },
        slaLookAheadMs: 0,
        sweepBatchLimit: 1000,
      },
      now: () => new Date(Date.now() + aheadMs),
      random: () => 0,
    });
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('only an admin manages endpoints; the secret is shown once and bad input names the field', async () => {
    for (const role of ['agent', 'lead', 'compliance', 'supplier'] as const) {
      expect((await api('GET', '/webhooks', undefined, t.tokens[role])).statusCode).toBe(403);
      expect((await api('POST', '/webhooks', { url: 'https://hooks.example.test/x' }, t.tokens[role])).statusCode).toBe(403);
    }
    const created = await addEndpoint('/mgmt', { events: ['case.opened'], description: 'CRM' });
    expect(created.secret).toMatch(/^whsec_/);
    const listed = (await api('GET', '/webhooks')).json() as { items: Record<string, unknown>[] };
    expect(listed.items.find((e) => e.id === created.id)).toMatchObject({ events: ['case.opened'], active: true, description: 'CRM', includeRestricted: false });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(JSON.stringify(await listAuditEvents(t.store.db, { entityType: 'webhook_endpoint', limit: 50 }))).not.toContain(created.secret);

    const badEvent = await api('POST', '/webhooks', { url: 'https://hooks.example.test/x', events: ['case.exploded'] });
    expect(badEvent.statusCode).toBe(422);
    expect(badEvent.json().error).toMatchObject({ code: 'invalid_input', field: 'events' });
    const badUrl = await api('POST', '/webhooks', { url: 'ftp://hooks.example.test/x' });
    expect(badUrl.json().error).toMatchObject({ code: 'invalid_input', field: 'url' });
    const badPatch = await api('PATCH', `/webhooks/${created.id}`, { active: 'yes' });
    expect(badPatch.json().error).toMatchObject({ code: 'invalid_input', field: 'active' });

    const rotated = (await api('PATCH', `/webhooks/${created.id}`, { rotateSecret: true })).json() as { secret: string };
    expect(rotated.secret).not.toBe(created.secret);
    expect((await api('GET', `/webhooks/${created.id}`)).json()).not.toHaveProperty('secret');
    expect((await api('DELETE', `/webhooks/${created.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/webhooks/${created.id}`)).statusCode).toBe(404);
    const actions = (await listAuditEvents(t.store.db, { entityType: 'webhook_endpoint', entityId: created.id, limit: 10 })).map((a) => a.action);
    expect(actions.sort()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.updated']);
  });

  it('every subscribed case event reaches the endpoint once, signed over the raw body, without message text or contact details', async () => {
    await addEndpoint('/all');
    const opened = (await api('POST', '/cases', {
      category: 'damaged_item', subject: 'Broken clasp', channel: 'email',
      customer: { id: 'C-WH-1', name: 'Ava Nguyen', email: 'ava@example.com', phone: '+1 555 0100' },
      timeline: [{ type: 'message', from: 'customer', text: 'It arrived broken, secret-text-42.' }],
    }, t.tokens.agent)).json() as { id: string };
    expect((await api('POST', `/cases/${opened.id}/assign`, { assigneeId: String(t.actors.agent.id) }, t.tokens.lead)).statusCode).toBe(200);
    expect((await api('POST', `/cases/${opened.id}/escalate`, { reason: 'customer asked for a manager' }, t.tokens.agent)).statusCode).toBe(200);
    expect((await api('POST', `/cases/${opened.id}/status`, { status: 'resolved', reason: 'replacement shipped' }, t.tokens.lead)).statusCode).toBe(200);

    // Written with the changes: the rows are there before any worker ran.
    const rows = (await listOutbox(t.store.db, { caseId: Number(opened.id), channel: 'webhook', limit: 100 })).filter((r) => r.recipient !== 'endpoint:1');
    expect(rows.every((r) => r.state === 'pending')).toBe(true);

    await runner.runDue();
    await runner.runDue();
    const got = at('/all').filter((r) => (r.body.caseId as string) === opened.id);
    expect(got.every((r) => r.verified)).toBe(true);
    const events = got.map((r) => r.body.event);
    for (const e of ['case.opened', 'case.message_added', 'case.assigned', 'case.escalated', 'case.status_changed', 'case.resolved']) expect(events).toContain(e);
    // Once per (case, event, endpoint): delivery ids are unique and nothing is sent twice.
    expect(new Set(got.map((r) => r.headers['x-ladder-delivery'])).size).toBe(got.length);
    for (const r of got) {
      expect(r.headers['x-ladder-event']).toBe(r.body.event);
      expect(r.body.id).toBe(r.headers['x-ladder-delivery']);
      expect(Number(r.headers['x-ladder-timestamp'])).toBeGreaterThan(0);
      const raw = r.raw.toString('utf8');
      for (const secret of ['secret-text-42', 'ava@example.com', '555 0100', 'Broken clasp']) expect(raw).not.toContain(secret);
    }
    expect(got.find((r) => r.body.event === 'case.resolved')!.body).toMatchObject({
      case: { id: opened.id, status: 'resolved', category: 'damaged_item' }, data: { from: expect.any(String), to: 'resolved' },
    });
    expect(got.find((r) => r.body.event === 'case.message_added')!.body.data).toEqual({ from: 'customer' });

    // Publishing the same timeline events again writes nothing new.
    const caseRow = (await findCaseById(t.store.db, Number(opened.id)))!;
    const timeline = await listCaseEvents(t.store.db, caseRow.id, { includeInternal: true });
    expect(await publishCaseEvents(t.store.db, caseRow, timeline, new Date().toISOString())).toEqual([]);
  });

  it('the outbox rows live and die with the change that wrote them', async () => {
    const caseRow = (await findCaseById(t.store.db, 1))!;
    const before = (await listOutbox(t.store.db, { channel: 'webhook', limit: 1000 })).length;
    await expect(t.store.db.transaction().execute(async (trx) => {
      const written = await publishCaseEvents(trx, caseRow, [{ id: 987654, type: 'opened', at: new Date().toISOString(), actorId: null, actorKind: 'system', data: {} }], new Date().toISOString());
      expect(written.length).toBeGreaterThan(0);
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect((await listOutbox(t.store.db, { channel: 'webhook', limit: 1000 })).length).toBe(before);
  });

  it('chargeback and fraud cases reach only endpoints marked includeRestricted (R000-08)', async () => {
    await addEndpoint('/open', { events: ['case.opened'] });
    await addEndpoint('/restricted', { events: ['case.opened'], includeRestricted: true });
    const chargeback = (await api('POST', '/cases', { category: 'chargeback', customer: { id: 'C-WH-2' } })).json() as { id: string };
    await runner.runDue();
    expect(at('/restricted').some((r) => r.body.caseId === chargeback.id && r.verified)).toBe(true);
    expect(at('/open').some((r) => r.body.caseId === chargeback.id)).toBe(false);
    expect(at('/all').some((r) => r.body.caseId === chargeback.id)).toBe(false);
  });

  it('a failing receiver is retried with backoff until the delivery is dead; redeliver sends it again, and a disabled endpoint gets nothing new', async () => {
    const endpoint = await addEndpoint('/flaky', { events: ['case.opened'] });
    receiver.status.set('/flaky', 503);
    const opened = (await api('POST', '/cases', { category: 'order_status', customer: { id: 'C-WH-3' } }, t.tokens.agent)).json() as { id: string };
    await runner.runDue();
    let log = (await api('GET', `/webhooks/${endpoint.id}/deliveries`)).json() as { items: Record<string, unknown>[] };
    expect(log.items[0]).toMatchObject({ event: 'case.opened', caseId: opened.id, state: 'pending', attempts: 1 });
    expect(log.items[0]!.lastError).toContain('503');
    for (let i = 0; i < 12; i++) {
      aheadMs += 3_600_000;
      await runner.runDue();
    }
    log = (await api('GET', `/webhooks/${endpoint.id}/deliveries`)).json() as { items: Record<string, unknown>[] };
    expect(log.items[0], JSON.stringify(log.items)).toMatchObject({ state: 'dead', attempts: 10 });
    expect(at('/flaky').filter((r) => r.body.caseId === opened.id)).toHaveLength(10);
    // Backoff: the attempts did not all happen at once (the job waited between them).
    expect(new Set(at('/flaky').map((r) => r.headers['x-ladder-delivery'])).size).toBe(1);

    receiver.status.set('/flaky', 200);
    const deliveryRow = log.items[0]!.id as string;
    expect((await api('POST', `/webhooks/${endpoint.id}/deliveries/${deliveryRow}/redeliver`, {}, t.tokens.lead)).statusCode).toBe(403);
    const redelivered = await api('POST', `/webhooks/${endpoint.id}/deliveries/${deliveryRow}/redeliver`, {});
    expect(redelivered.json()).toMatchObject({ state: 'pending' });
    await runner.runDue();
    expect((await api('GET', `/webhooks/${endpoint.id}/deliveries?state=sent`)).json().items[0]).toMatchObject({ id: deliveryRow, state: 'sent' });
    expect((await api('POST', `/webhooks/${endpoint.id}/deliveries/abc/redeliver`, {})).json().error).toMatchObject({ field: 'deliveryId' });

    expect((await api('PATCH', `/webhooks/${endpoint.id}`, { active: false })).json()).toMatchObject({ active: false });
    const later = (await api('POST', '/cases', { category: 'order_status', customer: { id: 'C-WH-4' } }, t.tokens.agent)).json() as { id: string };
    await runner.runDue();
    expect(at('/flaky').some((r) => r.body.caseId === later.id)).toBe(false);
  });

  it('POST /webhooks/:id/test sends a signed webhook.test now and logs it', async () => {
    const endpoint = await addEndpoint('/ping', { events: ['sla.breached'] });
    const res = await api('POST', `/webhooks/${endpoint.id}/test`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, status: 200, delivery: { event: 'webhook.test', state: 'sent' } });
    expect(at('/ping')).toHaveLength(1);
    expect(at('/ping')[0]).toMatchObject({ verified: true, body: { event: 'webhook.test', data: { endpointId: endpoint.id } } });
    receiver.secrets.set('/ping', 'not-the-secret-at-all');
    const refused = (await api('POST', `/webhooks/${endpoint.id}/test`, {})).json();
    expect(refused).toMatchObject({ ok: false, status: 401, delivery: { state: 'dead' } });
  });
});
