import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { readDefaultPolicyText } from '../../src/integrations/policy-file.js';
import { urgentWismoPolicy } from '../support/policy-texts.js';
import { applyPolicy } from '../../src/services/policy/manage-policy.js';
import { backtestPolicy } from '../../src/services/policy/backtest-policy.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { PolicyError } from '../../src/domain/policy/policy-problems.js';
import { DomainError } from '../../src/domain/errors.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';

const dialects = await availableDialects();

describe.each(dialects)('policy versions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('backtest shows what a candidate policy would change, and writes nothing (issue 3 item 6)', async () => {
    for (let i = 0; i < 3; i++) await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    await openCase(t.store, t.actors.agent, { body: { category: 'damaged_item' } });
    const before = await t.store.db.selectFrom('cases').select(['id', 'priority']).orderBy('id').execute();
    const report = await backtestPolicy(t.store, t.actors.lead, { yaml: urgentWismoPolicy(), source: 'candidate.yaml' });
    expect(report.cases).toBe(4);
    expect(report.changed.priority).toBe(3);
    expect(report.transitions['P3→P2']).toBe(3);
    expect(report.examples[0]).toMatchObject({ category: 'order_status', from: { priority: 'P3' }, to: { priority: 'P2' } });
    expect(await t.store.db.selectFrom('cases').select(['id', 'priority']).orderBy('id').execute()).toEqual(before);
  });

  it('a policy whose tests fail is not applied: the refusal names field tests and the failing tests, and the one in force stays', async () => {
    // urgentWismoPolicy raises order_status to P2, while its examples still expect P3.
    const err = await applyPolicy(t.store, t.actors.admin, { yaml: urgentWismoPolicy(), label: 'WISMO same day' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'policy_tests_failed', field: 'tests' });
    expect((err as DomainError).message).toMatch(/^tests: 6 of the policy's \d+ tests fail: "where is my order is L1 P3 \(R001-02, R001-13\)" \(line \d+\), /);
    expect(await t.store.db.selectFrom('policies').select('version').execute()).toEqual([{ version: 1 }]);
    expect(await listAuditEvents(t.store.db, { entityType: 'policy', limit: 10 })).toEqual([]);
    expect((await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } })).priority).toBe('P3');
  });

  it('forced over its failing tests, an applied policy is in force at once, every new decision names its version, and the audit event records the override (R000-13)', async () => {
    const applied = await applyPolicy(t.store, t.actors.admin, { yaml: urgentWismoPolicy(), label: 'WISMO same day', force: true });
    expect(applied.version).toBe(2);
    const c = await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    expect(c.priority).toBe('P2');
    expect(c.policyVersion).toBe(2);
    const [event] = await listAuditEvents(t.store.db, { entityType: 'policy', limit: 10 });
    expect(event).toMatchObject({ action: 'policy.applied', entityId: '2', actorId: t.actors.admin.id, data: { label: 'WISMO same day', force: true } });
    expect(event!.data.failedTests).toHaveLength(6);
    expect(event!.data.failedTests).toContain('where is my order is L1 P3 (R001-02, R001-13)');
  });

  it('force must be true or false', async () => {
    expect(await applyPolicy(t.store, t.actors.admin, { yaml: readDefaultPolicyText(), force: 'yes' }).catch((e: unknown) => e)).toMatchObject({ code: 'invalid_input', field: 'force' });
  });

  it('a policy with problems is refused with their lines, and the one in force stays', async () => {
    const broken = urgentWismoPolicy().replace(/(\n\s*order_status:\s*\{[^}]*level:\s*)L1/, '$1L9');
    const err = await applyPolicy(t.store, t.actors.admin, { yaml: broken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).problems[0]).toMatchObject({ path: 'categories.order_status.level' });
    expect((err as PolicyError).problems[0]!.line).toBeGreaterThan(1);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/policy', headers: auth(t.tokens.agent) });
    expect(res.json().version).toBe(2);
  });

  it('a policy whose returns section is wrong is refused before it can stop return requests', async () => {
    const yaml = `${readDefaultPolicyText()}\nreturns:\n  windowDays: -3\n`;
    const err = await applyPolicy(t.store, t.actors.admin, { yaml }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).problems[0]!.path).toMatch(/^returns/);
  });

  it('admins apply through the API; others may not', async () => {
    const yaml = readDefaultPolicyText();
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/policy', headers: auth(t.tokens.lead), payload: { yaml } })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/policy', headers: auth(t.tokens.admin), payload: { yaml, label: 'back to default' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe(3);
    const failing = await t.app.inject({ method: 'PUT', url: '/api/v1/policy', headers: auth(t.tokens.admin), payload: { yaml: urgentWismoPolicy() } });
    expect(failing.statusCode).toBe(422);
    expect(failing.json().error).toMatchObject({ code: 'policy_tests_failed', field: 'tests' });
    expect(failing.json().error.message).toContain('"where is my order is L1 P3 (R001-02, R001-13)"');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/policy', headers: auth(t.tokens.agent) })).json().version).toBe(3);
    const forced = await t.app.inject({ method: 'PUT', url: '/api/v1/policy', headers: auth(t.tokens.admin), payload: { yaml: urgentWismoPolicy(), force: true } });
    expect(forced.statusCode).toBe(201);
    expect(forced.json().version).toBe(4);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/policy/validate', headers: auth(t.tokens.admin), payload: { yaml: 'categories: 12' } });
    expect(bad.statusCode).toBe(200);
    expect(bad.json().ok).toBe(false);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?entityType=policy', headers: auth(t.tokens.admin) });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('policy.applied');
    expect(audit.json().items.find((e: { entityId: string }) => e.entityId === '4')).toMatchObject({ data: { force: true } });
  });
});
