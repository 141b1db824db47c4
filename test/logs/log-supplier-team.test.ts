import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { caseWithOrder, refusal } from './log-world.js';
import { openLogEntry } from '../../src/services/logs/open-log-entry.js';
import { getLogEntry } from '../../src/services/logs/get-log-entry.js';
import { listLogQueueView } from '../../src/services/logs/list-log-queue.js';
import { moveLogState } from '../../src/services/logs/move-log-state.js';
import { createTeam } from '../../src/services/teams/create-team.js';
import { createUser } from '../../src/services/users/create-user.js';
import { createApiToken } from '../../src/services/auth/create-api-token.js';
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';

// Issue 5 follow-up: a log entry is handed to a supplier team (a team of kind `supplier`, the
// external ones of R000-01), and a supplier sees only its own team's entries, in queues and by id.
const dialects = await availableDialects();

describe.each(dialects)('supplier team assignment on %s', (dialect) => {
  let t: TestApp;
  /** Supplier A is the test app's supplier (team "supplier"); B is a second external supplier. */
  let supplierB: Actor;
  let tokenB: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const teamB = await createTeam(t.store, SYSTEM_ACTOR, { key: 'supplier-b', name: 'Supplier B', kind: 'supplier' });
    await createTeam(t.store, SYSTEM_ACTOR, { key: 'warehouse', name: 'Warehouse', kind: 'back_office' });
    const user = await createUser(t.store, SYSTEM_ACTOR, { email: 'b@supplier-b.test', role: 'supplier', password: 'correct horse battery staple', teamId: Number(teamB.id) });
    supplierB = { id: Number(user.id), role: 'supplier', teamId: Number(teamB.id), email: user.email };
    tokenB = (await createApiToken(t.store, SYSTEM_ACTOR, { email: user.email, name: 'test' })).token;
  });
  afterAll(async () => { await t?.close(); });

  const assign = (caseId: string, team: unknown, token = t.tokens.back_office) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/cases/${caseId}/log/supplier-team`, headers: auth(token), payload: { team } });

  async function outOfStockTask(): Promise<string> {
    const { caseId } = await caseWithOrder(t, 'out_of_stock', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.agent, { caseId, type: 'out_of_stock', fields: { sku: `RING-${dialect}` } });
    return caseId;
  }

  it('supplier of team A cannot read team B\'s out-of-stock task, by id or in its queue (R000-01, R000-02)', async () => {
    const caseId = await outOfStockTask();
    const res = await assign(caseId, 'supplier-b');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ caseId, supplierTeamId: String(supplierB.teamId) });

    expect(await refusal(getLogEntry(t.store, t.actors.supplier, { caseId }))).toEqual({ code: 'not_found', field: 'id' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/log`, headers: auth(t.tokens.supplier) })).statusCode).toBe(404);
    expect((await listLogQueueView(t.store, t.actors.supplier, { includeClosed: 'true' })).items.map((i) => i.caseId)).not.toContain(caseId);
    expect(await refusal(moveLogState(t.store, t.actors.supplier, { caseId, to: 'cancelled', note: 'not ours' }))).toEqual({ code: 'not_found', field: 'id' });

    expect((await getLogEntry(t.store, supplierB, { caseId })).sku).toBe(`RING-${dialect}`);
    const queueB = await t.app.inject({ method: 'GET', url: '/api/v1/logs?includeClosed=true', headers: auth(tokenB) });
    expect((queueB.json().items as { caseId: string }[]).map((i) => i.caseId)).toContain(caseId);
  });

  it('taking the entry back from a team ends that team\'s access; each handover is on the timeline and in the audit', async () => {
    const caseId = await outOfStockTask();
    await assign(caseId, 'supplier-b');
    expect((await assign(caseId, null)).json()).toMatchObject({ supplierTeamId: null });
    expect(await refusal(getLogEntry(t.store, supplierB, { caseId }))).toEqual({ code: 'not_found', field: 'id' });
    const audit = (await listAuditEvents(t.store.db, { entityType: 'case_log', limit: 100 }))
      .filter((a) => a.data.caseId === Number(caseId) && a.data.supplierTeam !== undefined)
      .map((a) => ({ action: a.action, by: a.actorId, change: a.data.supplierTeam }));
    expect(audit.reverse()).toEqual([
      { action: 'case_log.updated', by: t.actors.back_office.id, change: { from: 'supplier', to: 'supplier-b' } },
      { action: 'case_log.updated', by: t.actors.back_office.id, change: { from: 'supplier-b', to: null } },
    ]);
  });

  it('only supplier teams, only supplier work, only by those who run supplier communication: refusals name the field', async () => {
    const caseId = await outOfStockTask();
    expect((await assign(caseId, 'warehouse')).json()).toMatchObject({ error: { code: 'invalid_input', field: 'team' } });
    expect((await assign(caseId, 'nobody')).json()).toMatchObject({ error: { code: 'invalid_input', field: 'team' } });
    const typed = await assign(caseId, 42);
    expect([typed.statusCode, typed.json().error.field]).toEqual([422, 'team']);
    expect((await assign(caseId, 'supplier-b', t.tokens.agent)).statusCode).toBe(403);
    expect((await assign(caseId, 'supplier-b', t.tokens.supplier)).statusCode).toBe(403);

    const { caseId: rush } = await caseWithOrder(t, 'rush_request', { fulfillment: 'unfulfilled' });
    await openLogEntry(t.store, t.actors.agent, { caseId: rush, type: 'rush_change', fields: { requestKind: 'rush' } });
    const refused = await assign(rush, 'supplier-b');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { field: 'team', message: expect.stringContaining('rush_change entry is not supplier work') } });
  });
});
