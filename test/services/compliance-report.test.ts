import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { addInternalNote } from '../../src/services/cases/add-internal-note.js';
import { escalateCase } from '../../src/services/cases/change-case-level.js';
import { createMacro } from '../../src/services/macros/create-macro.js';
import { replyWithMacro } from '../../src/services/macros/reply-with-macro.js';
import { complianceReport, complianceReportCsv } from '../../src/services/reports/compliance-report.js';

const dialects = await availableDialects();

describe.each(dialects)('compliance report on %s', (dialect) => {
  let t: TestApp;
  let silentEscalation: string;
  let photoCase: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const macro = await createMacro(t.store, t.actors.lead, { folder: 'Orders', title: 'Thanks', body: 'Thank you for your patience, we are on it.' });
    const a = await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    await replyWithMacro(t.store, t.actors.agent, { caseId: a.id, macroId: macro.id, text: 'Thank you for your patience, we are on it.' });
    await replyWithMacro(t.store, t.actors.agent, { caseId: a.id, macroId: macro.id, text: 'Thanks Ava — your parcel left our warehouse this morning, tracking follows.' });
    await addCaseMessage(t.store, t.actors.agent, { caseId: a.id, from: 'agent', text: 'Anything else I can do?' });
    // Escalated by the policy (a legal threat) with no note from anyone: a R002-08 gap.
    silentEscalation = (await openCase(t.store, t.actors.agent, { body: { category: 'order_status', timeline: [{ type: 'message', from: 'customer', text: 'My lawyer will contact you.' }] } })).id;
    // Escalated by a person: the reason becomes the note.
    const c = await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    await escalateCase(t.store, t.actors.agent, { caseId: c.id, reason: 'asked for a supervisor twice' });
    photoCase = (await openCase(t.store, t.actors.agent, { body: { category: 'damaged_item' } })).id;
    await addInternalNote(t.store, t.actors.lead, { caseId: photoCase, text: 'asked for photos' });
  });
  afterAll(async () => { await t?.close(); });

  it('counts replies per person and those sent from an unedited macro (R000-10)', async () => {
    const r = await complianceReport(t.store, t.actors.compliance, {});
    const agent = r.byPerson.find((l) => l.userId === String(t.actors.agent.id))!;
    expect(agent).toMatchObject({ replies: 3, macroReplies: 2, uneditedMacroReplies: 1 });
    expect(complianceReportCsv(r).split('\r\n')[0]).toBe('person,team,replies,macro replies,unedited macro replies,internal notes,attachments');
  });

  it('lists escalations without an internal note (R002-08) and photo cases without evidence (R000-11)', async () => {
    const r = await complianceReport(t.store, t.actors.compliance, {});
    expect(r.escalations.missingNote).toContain(silentEscalation);
    expect(r.escalations.withNote).toBeGreaterThanOrEqual(1);
    expect(r.evidence.missing).toContain(photoCase);
  });

  it('is for compliance, leadership and admins, with a CSV export', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/reports/compliance', headers: auth(t.tokens.agent) })).statusCode).toBe(403);
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/reports/compliance?format=csv', headers: auth(t.tokens.compliance) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/reports/compliance?from=soon', headers: auth(t.tokens.compliance) });
    expect(bad.json().error.field).toBe('from');
  });
});
