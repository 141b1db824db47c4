import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { setCasePromise } from '../../src/services/cases/set-case-promise.js';
import { escalateCase } from '../../src/services/cases/change-case-level.js';
import { createMacro } from '../../src/services/macros/create-macro.js';
import { updateMacro } from '../../src/services/macros/update-macro.js';
import { archiveMacro } from '../../src/services/macros/archive-macro.js';
import { listMacros } from '../../src/services/macros/list-macros.js';
import { getMacro } from '../../src/services/macros/get-macro.js';
import { renderMacroForCase } from '../../src/services/macros/render-macro-for-case.js';
import { replyWithMacro } from '../../src/services/macros/reply-with-macro.js';
import { importMacros } from '../../src/services/macros/import-macros.js';
import { seedDefaultMacros } from '../../src/services/macros/seed-default-macros.js';
import { DEFAULT_MACROS } from '../../src/domain/macros/default-macros.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import { DomainError } from '../../src/domain/errors.js';

const dialects = await availableDialects();

async function errorOf(p: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
    throw err;
  }
  throw new Error('expected a refusal');
}

const DELAY = 'Hi {{customer.firstName}}, order #{{order.number}} is delayed. Reason: [[reason for delay]]. New ship date: [[new ship date]].';

describe.each(dialects)('macro use cases on %s', (dialect) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const unique = (title: string) => `${title} ${++n}`;
  const openDelayedCase = (extra: object = {}) =>
    openCase(t.store, t.actors.agent, {
      body: {
        category: 'shipping_delay',
        customer: { id: `C-${++n}`, name: 'Ava Nguyen', email: 'ava@example.com' },
        order: { number: `ORD-2026-${n}`, total: '129.00', currency: 'USD', fulfillment: 'packed' },
        ...extra,
      },
    });

  it('editing a macro creates version 2 in force; version 1 stays readable (R000-13)', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Delay'), body: DELAY, changeNote: 'from R001-10' });
    expect(m).toMatchObject({ version: 1, active: true, variables: ['customer.firstName', 'order.number'], placeholders: ['reason for delay', 'new ship date'] });
    const v2 = await updateMacro(t.store, t.actors.lead, { id: m.id, body: `${DELAY}\nWe are sorry for the wait.`, changeNote: 'apology', baseVersion: 1 });
    expect(v2.version).toBe(2);
    const detail = await getMacro(t.store, t.actors.agent, { id: m.id });
    expect(detail.body).toContain('sorry for the wait');
    expect(detail.versions.map((v) => [v.version, v.current, v.changeNote])).toEqual([[2, true, 'apology'], [1, false, 'from R001-10']]);
    expect(detail.versions[1]!.body).toBe(DELAY);
    const audit = await listAuditEvents(t.store.db, { entityType: 'macro', entityId: m.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['macro.revised', 'macro.created']);
  });

  it('saving the same text or only renaming adds no version', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Same'), body: DELAY });
    expect((await updateMacro(t.store, t.actors.lead, { id: m.id, body: `${DELAY}\r\n` })).version).toBe(1);
    const renamed = await updateMacro(t.store, t.actors.lead, { id: m.id, title: unique('Renamed'), folder: 'Shipping' });
    expect(renamed).toMatchObject({ version: 1, folder: 'Shipping' });
  });

  it('an edit started from an older version is refused: someone revised it meanwhile', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Race'), body: DELAY });
    await updateMacro(t.store, t.actors.escalations, { id: m.id, body: 'Version two [[x]]', baseVersion: 1 });
    expect(await errorOf(updateMacro(t.store, t.actors.lead, { id: m.id, body: 'My edit of version one', baseVersion: 1 }))).toMatchObject({ code: 'conflict', field: 'baseVersion' });
  });

  it('a template error is refused with its line and column; nothing is stored', async () => {
    const title = unique('Broken');
    const err = await errorOf(createMacro(t.store, t.actors.lead, { folder: 'X', title, body: 'Hi,\nyour order {{order.nubmer}}' }));
    expect(err).toMatchObject({ code: 'invalid_input', field: 'body' });
    expect(err.message).toContain('line 2, column 14: unknown variable "order.nubmer"; did you mean "order.number"?');
    expect((await listMacros(t.store, t.actors.lead, { q: title })).items).toEqual([]);
  });

  it('a title is unique within its folder', async () => {
    const title = unique('Twice');
    await createMacro(t.store, t.actors.lead, { folder: 'F', title, body: 'one' });
    expect(await errorOf(createMacro(t.store, t.actors.lead, { folder: 'F', title, body: 'two' }))).toMatchObject({ code: 'conflict', field: 'title' });
    await expect(createMacro(t.store, t.actors.lead, { folder: 'G', title, body: 'two' })).resolves.toMatchObject({ folder: 'G' });
  });

  it('lists folders and searches titles and texts case-insensitively; archived macros are hidden from agents', async () => {
    const folder = unique('Search folder');
    const a = await createMacro(t.store, t.actors.lead, { folder, title: 'Tracking link', body: 'Your PARCEL is with the carrier.' });
    await createMacro(t.store, t.actors.lead, { folder, title: 'Refund 100% done', body: 'Refunded.' });
    const gone = await createMacro(t.store, t.actors.lead, { folder, title: 'Old one', body: 'parcel, old wording' });
    await archiveMacro(t.store, t.actors.lead, { id: gone.id });
    const list = await listMacros(t.store, t.actors.agent, { folder });
    expect(list.items.map((m) => m.title)).toEqual(['Refund 100% done', 'Tracking link']);
    expect(list.folders).toContainEqual({ name: folder, count: 2 });
    expect((await listMacros(t.store, t.actors.agent, { folder, q: 'parcel' })).items.map((m) => m.id)).toEqual([a.id]);
    expect((await listMacros(t.store, t.actors.agent, { folder, q: '100%' })).items.map((m) => m.title)).toEqual(['Refund 100% done']);
    expect((await listMacros(t.store, t.actors.agent, { folder, q: '0%' })).items.map((m) => m.title)).toEqual(['Refund 100% done']);
    expect((await listMacros(t.store, t.actors.lead, { folder, includeArchived: true })).items).toHaveLength(3);
    expect(await errorOf(listMacros(t.store, t.actors.agent, { includeArchived: true }))).toMatchObject({ code: 'forbidden' });
  });

  it('a supplier cannot read macros; an agent cannot manage them', async () => {
    expect(await errorOf(listMacros(t.store, t.actors.supplier))).toMatchObject({ code: 'forbidden' });
    expect(await errorOf(createMacro(t.store, t.actors.agent, { folder: 'F', title: 'x', body: 'y' }))).toMatchObject({ code: 'forbidden' });
  });

  it('a preview fills case, order and customer values and lists the blanks left (R001-10)', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Preview'), body: `${DELAY} Promised: {{case.promisedBy | date}}. Total {{order.total}}. — {{agent.name | default:"Support"}}` });
    const c = await openDelayedCase();
    await setCasePromise(t.store, t.actors.agent, { caseId: c.id, promisedResolution: 'ship it', promisedBy: '2026-11-25T03:30:00.000Z' });
    const p = await renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id });
    // The default policy's desk calendar is America/New_York: 03:30 UTC on the 25th is the 24th there.
    // The test users are named after their role, so the replying agent signs as "agent".
    expect(p.text).toBe(`Hi Ava, order #${c.order!.number} is delayed. Reason: [[reason for delay]]. New ship date: [[new ship date]]. Promised: November 24, 2026. Total $129.00. — agent`);
    expect(p).toMatchObject({ macroId: m.id, version: 1 });
    expect(p.unfilled.map((u) => u.label)).toEqual(['reason for delay', 'new ship date']);
    expect(p.text.slice(p.unfilled[0]!.start, p.unfilled[0]!.end)).toBe('[[reason for delay]]');
  });

  it('a case without an order leaves {{order.number}} as a blank to fill', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('No order'), body: 'Order #{{order.number}}' });
    const c = await openCase(t.store, t.actors.agent, { body: { category: 'order_status' } });
    const p = await renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id });
    expect(p.text).toBe('Order #[[order.number]]');
    expect(p.unfilled).toMatchObject([{ kind: 'placeholder', label: 'order.number' }]);
  });

  it('a case the actor cannot see is not found, even through a macro (R000-08)', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'F', title: unique('Restricted'), body: 'Hello' });
    const c = await openCase(t.store, t.actors.back_office, { body: { category: 'chargeback' } });
    expect(await errorOf(renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id }))).toMatchObject({ code: 'not_found', field: 'id' });
    expect(await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Hello' }))).toMatchObject({ code: 'not_found' });
  });

  it('a reply from a macro with an unfilled placeholder is refused and nothing is posted', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Refuse'), body: DELAY });
    const c = await openDelayedCase();
    const p = await renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id });
    const half = p.text.replace('[[reason for delay]]', 'the courier missed the pickup');
    const err = await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: half }));
    expect(err).toMatchObject({ code: 'invalid_input', field: 'text' });
    expect(err.message).toContain('[[new ship date]]');
    expect(await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Order {{order.number}} ships soon' }))).toMatchObject({ code: 'invalid_input', field: 'text' });
    expect(await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Order #____ ships soon' }))).toMatchObject({ code: 'invalid_input', field: 'text' });
    const after = await getCase(t.store, t.actors.agent, { id: c.id });
    expect(after.timeline.filter((e) => e.type === 'message' && e.data.from === 'agent')).toEqual([]);
  });

  it('a reply that only fills the blanks is flagged unedited, with the macro and version on the message (R000-10)', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Unedited'), body: DELAY });
    const c = await openDelayedCase();
    const p = await renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id });
    const text = p.text.replace('[[reason for delay]]', 'the courier missed the pickup').replace('[[new ship date]]', 'December 2');
    const view = await replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text, macroVersion: p.version });
    const message = view.timeline.filter((e) => e.type === 'message').at(-1)!;
    expect(message.data).toEqual({ from: 'agent', text, macroId: m.id, macroVersion: 1, editDistance: 7, editRatio: expect.any(Number), unedited: true });
    expect(view.status).toBe('open');
    // Stored, not only returned.
    const stored = (await getCase(t.store, t.actors.lead, { id: c.id })).timeline.find((e) => e.id === message.id)!;
    expect(stored.data).toMatchObject({ macroId: m.id, unedited: true });
  });

  it('a reply fitted to the customer is not unedited and records how much changed', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Fitted'), body: 'Hi {{customer.firstName}}, your order is on its way. Thank you for your patience.' });
    const c = await openDelayedCase();
    const view = await replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Hi Ava, your order left our warehouse this morning and UPS expects it Friday. Thank you for your patience, and sorry again for the wait.' });
    const data = view.timeline.filter((e) => e.type === 'message').at(-1)!.data;
    expect(data).toMatchObject({ macroId: m.id, macroVersion: 1, unedited: false });
    expect(data.editDistance).toBeGreaterThan(5);
    expect(data.editRatio).toBeGreaterThan(0.2);
  });

  it('a reply started from an older version is refused once the macro was revised (R000-10 latest version)', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'Order status', title: unique('Stale'), body: 'Hello {{customer.firstName}}.' });
    const c = await openDelayedCase();
    await updateMacro(t.store, t.actors.lead, { id: m.id, body: 'Hello {{customer.firstName}}, thanks for waiting.' });
    expect(await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Hello Ava.', macroVersion: 1 }))).toMatchObject({ code: 'conflict', field: 'macroVersion' });
    const ok = await replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Hello Ava, thanks for waiting.', macroVersion: 2 });
    expect(ok.timeline.filter((e) => e.type === 'message').at(-1)!.data).toMatchObject({ macroVersion: 2, unedited: true });
  });

  it('an archived macro cannot be used; restoring it brings it back', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'F', title: unique('Archived'), body: 'Hello' });
    const c = await openDelayedCase();
    await archiveMacro(t.store, t.actors.lead, { id: m.id });
    expect(await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Hello' }))).toMatchObject({ code: 'invalid_input', field: 'macroId' });
    expect(await errorOf(renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id }))).toMatchObject({ field: 'macroId' });
    expect((await getMacro(t.store, t.actors.agent, { id: m.id })).active).toBe(false);
    await updateMacro(t.store, t.actors.lead, { id: m.id, active: true });
    await expect(renderMacroForCase(t.store, t.actors.agent, { caseId: c.id, macroId: m.id })).resolves.toMatchObject({ text: 'Hello' });
  });

  it('the reply rules of addCaseMessage still hold: an agent may not reply on an L3 case (R003-01), nothing is recorded', async () => {
    const m = await createMacro(t.store, t.actors.lead, { folder: 'F', title: unique('Level'), body: 'Hello' });
    const c = await openDelayedCase();
    await escalateCase(t.store, t.actors.lead, { caseId: c.id, to: 'L3', reason: 'customer asked for a manager' });
    expect(await errorOf(replyWithMacro(t.store, t.actors.agent, { caseId: c.id, macroId: m.id, text: 'Hello' }))).toMatchObject({ code: 'forbidden' });
    const after = await getCase(t.store, t.actors.lead, { id: c.id });
    expect(after.timeline.some((e) => e.type === 'message' && e.data.from === 'agent')).toBe(false);
  });

  it('import revises changed texts, leaves equal ones, and refuses a bad item naming it, writing nothing', async () => {
    const folder = unique('Imported');
    const first = await importMacros(t.store, t.actors.lead, { items: [{ folder, title: 'A', body: 'one' }, { folder, title: 'B', body: 'two' }] });
    expect(first).toMatchObject({ created: 2, revised: 0, unchanged: 0 });
    const second = await importMacros(t.store, t.actors.lead, { items: [{ folder, title: 'A', body: 'one, revised', note: 'clearer' }, { folder, title: 'B', body: 'two' }, { folder, title: 'C', body: 'three' }] });
    expect(second.items.map((i) => [i.title, i.outcome, i.version])).toEqual([['A', 'revised', 2], ['B', 'unchanged', 1], ['C', 'created', 1]]);
    const bad = await errorOf(importMacros(t.store, t.actors.lead, { items: [{ folder, title: 'D', body: 'four' }, { folder, title: 'E', body: '{{nope}}' }] }));
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'macros[1].body' });
    expect((await listMacros(t.store, t.actors.lead, { folder })).items.map((m) => m.title)).toEqual(['A', 'B', 'C']);
  });

  it('the default set seeds once and never undoes a lead\'s edit (R001-10)', async () => {
    const seeded = await seedDefaultMacros(t.store);
    expect(seeded.created).toBe(DEFAULT_MACROS.length);
    const delay = seeded.items.find((i) => i.title === 'Order delayed')!;
    await updateMacro(t.store, t.actors.lead, { id: delay.id, body: 'Order #{{order.number}} delayed: [[why]].' });
    const again = await seedDefaultMacros(t.store);
    expect(again).toMatchObject({ created: 0, kept: DEFAULT_MACROS.length });
    expect((await getMacro(t.store, t.actors.agent, { id: delay.id })).version).toBe(2);
    const board = await listMacros(t.store, t.actors.agent, { folder: 'Updates to CS' });
    expect(board.items.map((m) => m.title).sort()).toEqual(['Item out of stock', 'Order delayed', 'Problem fixed', 'Rush order completed']);
  });
});
