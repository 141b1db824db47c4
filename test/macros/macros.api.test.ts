import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';

const dialects = await availableDialects();

describe.each(dialects)('macros API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, body?: object) =>
    t.app.inject({ method, url, headers: auth(token), ...(body ? { payload: body } : {}) });

  const openCase = async () =>
    (await call('POST', '/api/v1/cases', t.tokens.agent, {
      category: 'shipping_delay',
      customer: { id: `C-${Math.random().toString(36).slice(2)}`, name: 'Ava Nguyen' },
      order: { number: `ORD-${Math.random().toString(36).slice(2)}`, fulfillment: 'packed' },
    })).json() as { id: string; order: { number: string } };

  it('a supplier cannot read macros; an agent reads but cannot manage them', async () => {
    expect((await call('GET', '/api/v1/macros', t.tokens.supplier)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/macros', t.tokens.agent)).statusCode).toBe(200);
    const denied = await call('POST', '/api/v1/macros', t.tokens.agent, { folder: 'F', title: 'T', body: 'B' });
    expect(denied.statusCode).toBe(403);
  });

  it('create, revise to version 2 with version 1 readable, archive (R000-13)', async () => {
    const created = await call('POST', '/api/v1/macros', t.tokens.lead, { folder: 'Order status', title: 'Delay notice', body: 'Order #{{order.number}} delayed: [[why]].', changeNote: 'first' });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ version: 1, folder: 'Order status', placeholders: ['why'], variables: ['order.number'] });

    const revised = await call('PUT', `/api/v1/macros/${m.id}`, t.tokens.lead, { body: 'Order #{{order.number}} is delayed because [[why]]. Sorry!', changeNote: 'kinder', baseVersion: 1 });
    expect(revised.statusCode).toBe(200);
    expect(revised.json().version).toBe(2);
    const stale = await call('PUT', `/api/v1/macros/${m.id}`, t.tokens.lead, { body: 'other', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', field: 'baseVersion' });

    const versions = (await call('GET', `/api/v1/macros/${m.id}/versions`, t.tokens.agent)).json().items;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    expect(versions[1].body).toBe('Order #{{order.number}} delayed: [[why]].');
    expect((await call('GET', `/api/v1/macros/${m.id}`, t.tokens.agent)).json()).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });

    const archived = await call('DELETE', `/api/v1/macros/${m.id}`, t.tokens.lead);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().active).toBe(false);
    const list = (await call('GET', '/api/v1/macros?folder=Order%20status', t.tokens.agent)).json();
    expect(list.items.some((x: { id: string }) => x.id === m.id)).toBe(false);
    expect((await call('GET', '/api/v1/macros?includeArchived=true', t.tokens.agent)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/macros?includeArchived=true', t.tokens.lead)).json().items.some((x: { id: string }) => x.id === m.id)).toBe(true);
  });

  it('a template error is a 422 naming the body with line and column', async () => {
    const res = await call('POST', '/api/v1/macros', t.tokens.lead, { folder: 'F', title: 'Broken', body: 'Hi {{customer.frstName}}' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'body' });
    expect(res.json().error.message).toBe('line 1, column 6: unknown variable "customer.frstName"; did you mean "customer.firstName"?');
  });

  it('preview, a refused reply with a blank left, then an unedited reply flagged on the message (R000-10)', async () => {
    const m = (await call('POST', '/api/v1/macros', t.tokens.lead, { folder: 'Order status', title: 'WISMO', body: 'Hi {{customer.firstName}}, order #{{order.number}} ships on [[ship date]].' })).json();
    const c = await openCase();
    const preview = await call('POST', `/api/v1/cases/${c.id}/macro-preview`, t.tokens.agent, { macroId: m.id });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ macroId: m.id, version: 1, text: `Hi Ava, order #${c.order.number} ships on [[ship date]].`, unfilled: [{ kind: 'placeholder', label: 'ship date' }] });

    const refused = await call('POST', `/api/v1/cases/${c.id}/macro-reply`, t.tokens.agent, { macroId: m.id, text: p.text });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'invalid_input', field: 'text' });

    const text = p.text.replace('[[ship date]]', 'Monday');
    const sent = await call('POST', `/api/v1/cases/${c.id}/macro-reply`, t.tokens.agent, { macroId: m.id, text, macroVersion: p.version });
    expect(sent.statusCode).toBe(201);
    const message = sent.json().timeline.filter((e: { type: string }) => e.type === 'message').at(-1);
    expect(message.data).toMatchObject({ from: 'agent', text, macroId: m.id, macroVersion: 1, unedited: true, editDistance: 1 });
  });

  it('a supplier cannot preview or reply from a macro, even on its own queue', async () => {
    const c = await openCase();
    expect((await call('POST', `/api/v1/cases/${c.id}/macro-preview`, t.tokens.supplier, { macroId: '1' })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/cases/${c.id}/macro-reply`, t.tokens.supplier, { macroId: '1', text: 'x' })).statusCode).toBe(403);
  });

  it('an unknown macro or case is a 404', async () => {
    const c = await openCase();
    const noMacro = await call('POST', `/api/v1/cases/${c.id}/macro-preview`, t.tokens.agent, { macroId: '999999' });
    expect(noMacro.statusCode).toBe(404);
    expect(noMacro.json().error.field).toBe('macroId');
    expect((await call('GET', '/api/v1/macros/999999', t.tokens.agent)).statusCode).toBe(404);
  });
});
