import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { cliEnvOf, ladder } from '../support/cli.js';
import { startWebhookReceiver } from './webhook-receiver.js';

// `ladder webhooks …` (issue 7 item 5): the same services as /api/v1/webhooks.

describe('ladder webhooks', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const run = (...args: string[]) => ladder(cliEnvOf(t), ['webhooks', ...args]);

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('add prints the secret once; list, disable, test and deliveries work; bad input is exit 2 naming the field', { timeout: 120_000 }, async () => {
    const added = await run('add', receiver.urlFor('/cli'), '--events', 'case.opened,case.resolved', '--description', 'ops');
    expect(added.code, added.stderr).toBe(0);
    const endpoint = JSON.parse(added.stdout) as { id: string; secret: string; events: string[] };
    expect(endpoint.events).toEqual(['case.opened', 'case.resolved']);
    receiver.secrets.set('/cli', endpoint.secret);

    const [listed, bad, forbidden, tested] = await Promise.all([
      run('list'),
      run('add', receiver.urlFor('/x'), '--events', 'case.nope'),
      run('list', '--as', 'agent@test.ladder'),
      run('test', endpoint.id),
    ]);
    expect(listed.stdout).toContain(endpoint.id);
    expect(listed.stdout).not.toContain(endpoint.secret);
    expect([bad.code, bad.stderr.split('\n')]).toEqual([2, [expect.stringMatching(/^events: unknown event "case.nope"/)]]);
    expect(forbidden.code).toBe(1);
    expect(tested.code, tested.stderr).toBe(0);
    expect(JSON.parse(tested.stdout)).toMatchObject({ ok: true, status: 200 });
    expect(receiver.received.filter((r) => r.path === '/cli' && r.verified).map((r) => r.body.event)).toEqual(['webhook.test']);

    const [disabled, deliveries, badId] = await Promise.all([run('disable', endpoint.id), run('deliveries', endpoint.id), run('deliveries', 'abc')]);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ id: endpoint.id, active: false });
    expect(JSON.parse(deliveries.stdout).items).toEqual([expect.objectContaining({ event: 'webhook.test', state: 'sent', attempts: 1 })]);
    expect([badId.code, badId.stderr]).toEqual([2, 'id: expected a numeric id, got "abc"']);
  });
});
