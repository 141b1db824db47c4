import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createShopifyTestApp, fixtureText, newDeliveryId, sendWebhook, type ShopifyTestApp } from '../integrations/shopify-webhook-kit.js';

// R000-08: Shopify disputes/create and disputes/update open and update the dispute's chargeback
// entry — one per dispute, nothing new on a replay, the platform's status moving it forward only.
const dialects = await availableDialects();
const DISPUTE = fixtureText('2026-04__disputes__create.payload.json');

function withStatus(body: string, id: string, status: string, extra: [string, string][] = []): string {
  let out = body.split('285332461850802050').join(id).replace('"status": "under_review"', `"status": "${status}"`);
  for (const [from, to] of extra) out = out.replace(from, to);
  return out;
}

describe.each(dialects)('Shopify disputes → chargeback log on %s', (dialect) => {
  let t: ShopifyTestApp;
  beforeAll(async () => { t = await createShopifyTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  async function send(topic: string, body: string): Promise<Record<string, unknown>> {
    const res = await sendWebhook(t.app, { topic, body, deliveryId: newDeliveryId() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Record<string, unknown>;
  }
  const entry = (caseId: unknown, token = t.tokens.compliance) =>
    t.app.inject({ method: 'GET', url: `/api/v1/cases/${String(caseId)}/log`, headers: { authorization: `Bearer ${token}` } });
  const logsOfDispute = async (id: string) => {
    const ref = await t.store.db.selectFrom('integration_refs').select('entity_id').where('kind', '=', 'dispute').where('external_id', '=', id).executeTakeFirst();
    return t.store.db.selectFrom('case_logs').selectAll().where('case_id', '=', Number(ref?.entity_id)).execute();
  };

  it('disputes/create opens the chargeback entry with source, reason code, amount in minor units and the evidence clock (R000-08)', async () => {
    await send('disputes/create', withStatus(DISPUTE, '9100000000000000001', 'needs_response'));
    const [log] = await logsOfDispute('9100000000000000001');
    expect(log).toMatchObject({ type: 'chargeback', state: 'needs_response', due_at: '2021-12-31T00:00:00.000Z' });
    const view = (await entry(log!.case_id)).json();
    expect(view.fields).toEqual({
      source: 'platform_chargeback', platform: 'shopify', externalRef: '9100000000000000001', reasonCode: '4837',
      amountMinor: 1150, currency: 'CAD', evidenceDueAt: '2021-12-31T00:00:00.000Z', platformStatus: 'needs_response',
    });
    expect((await entry(log!.case_id, t.tokens.agent)).statusCode).toBe(404);
  });

  it('replays create nothing; under_review → submitted → won; a late needs_response does not move it back (R000-08)', async () => {
    const id = '9100000000000000002';
    const first = withStatus(DISPUTE, id, 'needs_response');
    await send('disputes/create', first);
    await send('disputes/create', first);
    await send('disputes/update', first);
    let logs = await logsOfDispute(id);
    expect(logs).toHaveLength(1);
    const events = async () => (await t.store.db.selectFrom('case_events').select('type').where('case_id', '=', logs[0]!.case_id).execute()).map((e) => e.type).filter((e) => e.startsWith('log_'));
    expect(await events()).toEqual(['log_opened']);

    await send('disputes/update', withStatus(DISPUTE, id, 'under_review', [['"evidence_sent_on": null', '"evidence_sent_on": "2021-12-20T10:00:00Z"']]));
    logs = await logsOfDispute(id);
    expect(logs[0]).toMatchObject({ state: 'submitted', due_at: null, closed_at: null });
    await send('disputes/update', withStatus(DISPUTE, id, 'won', [['"finalized_on": null', '"finalized_on": "2022-02-01T12:00:00Z"']]));
    await send('disputes/update', withStatus(DISPUTE, id, 'needs_response', [['"evidence_due_by": "2021-12-30T19:00:00-05:00"', '"evidence_due_by": "2022-03-01T00:00:00Z"']]));
    logs = await logsOfDispute(id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ state: 'won', due_at: null });
    expect(logs[0]!.closed_at).not.toBeNull();
    expect(JSON.parse(logs[0]!.fields_json)).toMatchObject({ platformStatus: 'needs_response', outcomeAt: '2022-02-01T12:00:00.000Z' });
    const audit = await t.store.db.selectFrom('audit_events').select(['action', 'data_json']).where('entity_type', '=', 'case_log').where('entity_id', '=', String(logs[0]!.id)).execute();
    expect(audit.filter((a) => a.action === 'case_log.moved').map((a) => JSON.parse(a.data_json).to)).toEqual(['submitted', 'won']);
  });
});
