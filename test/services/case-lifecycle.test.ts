import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { recordSignal } from '../../src/services/cases/record-signal.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { assignCase } from '../../src/services/cases/assign-case.js';
import { escalateCase, deescalateCase } from '../../src/services/cases/change-case-level.js';
import { addInternalNote } from '../../src/services/cases/add-internal-note.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { linkCustomerAccounts } from '../../src/services/customers/link-customers.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { updateUserAccount } from '../../src/services/users/update-user.js';
import { DomainError } from '../../src/domain/errors.js';

const dialects = await availableDialects();

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe.each(dialects)('case use cases on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const open = (body: object) => openCase(t.store, t.actors.agent, { body });

  it('counts earlier issues of linked accounts as offenses: second offense goes to L3 (R003-03, R003-05)', async () => {
    await open({ category: 'damaged_item', customer: { id: 'OFF-A' } });
    await open({ category: 'order_status', customer: { id: 'OFF-B' } });
    await linkCustomerAccounts(t.store, t.actors.agent, { externalId: 'OFF-A', linkedExternalId: 'OFF-B' });
    const second = await open({ category: 'defective_item', customer: { id: 'OFF-B' } });
    expect(second.level).toBe('L3');
    expect(second.escalated).toBe(true);
  });

  it('more than three earlier order issues put the case at L4 (R003-06)', async () => {
    for (let i = 0; i < 4; i++) await open({ category: 'damaged_item', customer: { id: 'REPEAT' } });
    const fifth = await open({ category: 'damaged_item', customer: { id: 'REPEAT' } });
    expect(fifth.level).toBe('L4');
  });

  it('two abusive messages escalate to L3, one does not (R002-03)', async () => {
    const c = await open({ category: 'order_status' });
    const once = await addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'customer', text: 'You are all useless idiots.' });
    expect(once.level).toBe('L1');
    const twice = await addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'customer', text: 'Answer me, you morons!' });
    expect(twice.level).toBe('L3');
    expect(twice.escalated).toBe(true);
  });

  it('an agent-recorded signal counts like detected text (decision.md)', async () => {
    const c = await open({ category: 'order_status' });
    await recordSignal(t.store, t.actors.agent, { caseId: c.id, signal: 'solution_rejected' });
    const v = await recordSignal(t.store, t.actors.agent, { caseId: c.id, signal: 'solution_rejected' });
    expect(v.decision).toMatchObject({ signals: { solution_rejected: 2 }, level: 'L3' });
    expect(await codeOf(recordSignal(t.store, t.actors.agent, { caseId: c.id, signal: 'no_such_signal' }))).toBe('invalid_input');
  });

  it('status moves follow new → open → pending → resolved → closed, and forbidden moves are refused', async () => {
    const c = await open({ category: 'order_status' });
    expect(await codeOf(changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'closed' }))).toBe('invalid_transition');
    await changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'open' });
    await changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'pending_customer' });
    const back = await addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'customer', text: 'Here is my answer.' });
    expect(back.status).toBe('open');
    const resolved = await changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'resolved' });
    expect(resolved.resolvedAt).not.toBeNull();
    await changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'closed' });
    expect(await codeOf(changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'open' }))).toBe('invalid_input');
    const reopened = await changeCaseStatus(t.store, t.actors.agent, { caseId: c.id, status: 'open', reason: 'customer wrote back' });
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.timeline.filter((e) => e.type === 'status_changed').length).toBeGreaterThanOrEqual(5);
  });

  it('an L1 agent may note but not reply on an L4 case (R003-01)', async () => {
    const c = await open({ category: 'injury' });
    expect(c.level).toBe('L4');
    expect(await codeOf(addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'agent', text: 'Sorry!' }))).toBe('forbidden');
    expect(await codeOf(addInternalNote(t.store, t.actors.agent, { caseId: c.id, text: 'Customer called again.' }))).toBe('ok');
    expect(await codeOf(addCaseMessage(t.store, t.actors.leadership, { caseId: c.id, from: 'agent', text: 'We are on it.' }))).toBe('ok');
  });

  it('a case cannot be assigned to someone below its level', async () => {
    const c = await open({ category: 'fraud' });
    expect(await codeOf(assignCase(t.store, t.actors.leadership, { caseId: c.id, assigneeId: t.actors.agent.id }))).toBe('invalid_input');
    const ok = await assignCase(t.store, t.actors.leadership, { caseId: c.id, assigneeId: t.actors.leadership.id });
    expect(ok.assigneeId).toBe(String(t.actors.leadership.id));
    expect(ok.status).toBe('open');
  });

  it('escalation needs a reason, records an internal note (R002-08), and only an owner of the level de-escalates', async () => {
    const c = await open({ category: 'order_status' });
    expect(await codeOf(escalateCase(t.store, t.actors.agent, { caseId: c.id, reason: '' }))).toBe('invalid_input');
    const up = await escalateCase(t.store, t.actors.agent, { caseId: c.id, to: 'L3', reason: 'customer asked twice for a supervisor' });
    expect(up).toMatchObject({ level: 'L3', escalated: true, overrides: { level: 'L3' } });
    expect(up.timeline.some((e) => e.type === 'note' && String(e.data.text).includes('customer asked twice'))).toBe(true);
    expect(await codeOf(deescalateCase(t.store, t.actors.lead, { caseId: c.id, to: 'L1', reason: 'handled' }))).toBe('forbidden');
    const down = await deescalateCase(t.store, t.actors.escalations, { caseId: c.id, to: 'L1', reason: 'resolved the confusion' });
    expect(down.level).toBe('L1');
  });

  it('a case the policy moves up follows its level: routed to that team, and its L1 owner unassigned (R003-01)', async () => {
    const { createTeam } = await import('../../src/services/teams/create-team.js');
    const { SYSTEM_ACTOR } = await import('../../src/services/actor.js');
    const leadership = await createTeam(t.store, SYSTEM_ACTOR, { key: 'escalations_leadership', name: 'L4', kind: 'escalations' });
    const c = await open({ category: 'order_status' });
    await assignCase(t.store, t.actors.agent, { caseId: c.id, assigneeId: t.actors.agent.id });
    const moved = await addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'customer', text: 'You will hear from my lawyer.' });
    expect(moved.level).toBe('L4');
    expect(moved.teamId).toBe(leadership.id);
    expect(moved.assigneeId).toBeNull();
  });

  it('a manual level stands until new facts move the policy, then the policy speaks again', async () => {
    const c = await open({ category: 'order_status' });
    await escalateCase(t.store, t.actors.agent, { caseId: c.id, to: 'L2', reason: 'second opinion wanted' });
    const calm = await addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'customer', text: 'Thanks, any news?' });
    expect(calm.level).toBe('L2');
    const legal = await addCaseMessage(t.store, t.actors.agent, { caseId: c.id, from: 'customer', text: 'My lawyer will be in touch.' });
    expect(legal.level).toBe('L4');
    expect(legal.overrides.level).toBeNull();
  });

  it('the supplier sees only its own queue and never the restricted log', async () => {
    const queued = await open({ category: 'out_of_stock', team: 'supplier' });
    const elsewhere = await open({ category: 'order_status' });
    expect((await getCase(t.store, t.actors.supplier, { id: queued.id })).id).toBe(queued.id);
    expect(await codeOf(getCase(t.store, t.actors.supplier, { id: elsewhere.id }))).toBe('not_found');
    expect(await codeOf(changeCaseStatus(t.store, t.actors.supplier, { caseId: queued.id, status: 'closed' }))).toBe('invalid_transition');
  });

  it('a user change leaves an audit event with its actor', async () => {
    await updateUserAccount(t.store, t.actors.admin, { user: { email: 'agent@test.ladder' }, name: 'Renamed Agent' });
    const events = await listAuditEvents(t.store.db, { entityType: 'user', entityId: String(t.actors.agent.id), limit: 10 });
    expect(events[0]).toMatchObject({ action: 'user.updated', actorId: t.actors.admin.id });
  });
});
