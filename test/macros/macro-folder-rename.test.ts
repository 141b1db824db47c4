import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { auth, createTestApp, type TestApp } from '../support/app.js';
import { createMacro } from '../../src/services/macros/create-macro.js';
import { archiveMacro } from '../../src/services/macros/archive-macro.js';
import { renameMacroFolder } from '../../src/services/macros/rename-macro-folder.js';
import { listAuditEvents } from '../../src/store/repositories/audit.repository.js';
import type { Actor } from '../../src/services/actor.js';

// Renaming a macro folder (R000-10, R000-13): every macro in it moves, archived ones too, in one
// transaction with one audit event — or none does.

const dialects = await availableDialects();

describe.each(dialects)('renaming a macro folder on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  const fill = async (folder: string, titles: string[]) => {
    const ids: string[] = [];
    for (const title of titles) ids.push((await createMacro(t.store, t.actors.lead, { folder, title, body: `${title}: [[details]]` })).id);
    return ids;
  };
  const foldersOf = async (ids: string[]) =>
    (await t.store.db.selectFrom('macros').select(['id', 'folder']).where('id', 'in', ids.map(Number)).orderBy('id').execute()).map((r) => r.folder);
  const renames = async () => (await listAuditEvents(t.store.db, { entityType: 'macro_folder', limit: 50 })).map((e) => e.data);

  it('every macro in the folder moves, archived ones too, with one audit event', async () => {
    const ids = await fill('Delivery delays', ['Carrier late', 'Parcel held', 'Weather']);
    await archiveMacro(t.store, t.actors.lead, { id: ids[1] });
    const r = await renameMacroFolder(t.store, t.actors.lead, { from: 'Delivery delays', to: '  Shipping  ' });
    expect(r).toEqual({ from: 'Delivery delays', to: 'Shipping', moved: 3, merged: false });
    expect(await foldersOf(ids)).toEqual(['Shipping', 'Shipping', 'Shipping']);
    const events = await listAuditEvents(t.store.db, { entityType: 'macro_folder', entityId: 'Delivery delays', limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'macro.folder_renamed', actorId: t.actors.lead.id, data: { from: 'Delivery delays', to: 'Shipping', merged: false, macroIds: ids } });
  });

  it('a title the target folder already has refuses the rename, naming it, and leaves every macro in the old folder', async () => {
    const moving = await fill('Refunds old', ['Apology', 'Partial refund', 'Store credit']);
    const [existing] = await fill('Refunds', ['Partial refund']);
    const before = await renames();
    const err = await renameMacroFolder(t.store, t.actors.lead, { from: 'Refunds old', to: 'Refunds' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict', field: 'to' });
    expect((err as Error).message).toContain('"Partial refund"');
    // "Apology" sorts before the clash: a macro-by-macro move would have taken it along.
    expect(await foldersOf(moving)).toEqual(['Refunds old', 'Refunds old', 'Refunds old']);
    expect(await foldersOf([existing!])).toEqual(['Refunds']);
    expect(await renames()).toEqual(before);
  });

  it('when the audit event cannot be written after the macros moved, none of them moved (one transaction)', async () => {
    const ids = await fill('Damaged', ['Photo request', 'Replacement sent']);
    // A person deleted since signing in: the audit row's actor reference fails after the UPDATE.
    const gone: Actor = { id: 987_654, role: 'lead', teamId: null, email: 'gone@test.ladder' };
    await expect(renameMacroFolder(t.store, gone, { from: 'Damaged', to: 'Damage' })).rejects.toThrow(/FOREIGN KEY|foreign key/);
    expect(await foldersOf(ids)).toEqual(['Damaged', 'Damaged']);
    expect(await t.store.db.selectFrom('macros').select('id').where('folder', '=', 'Damage').execute()).toEqual([]);
  });

  it('onto an existing folder without shared titles, the two folders merge', async () => {
    const ids = await fill('Holds', ['Address check']);
    await fill('Fraud holds', ['Card check']);
    expect(await renameMacroFolder(t.store, t.actors.escalations, { from: 'Holds', to: 'Fraud holds' })).toMatchObject({ moved: 1, merged: true });
    expect(await foldersOf(ids)).toEqual(['Fraud holds']);
  });

  it('refuses the same name, an empty folder and those who do not manage macros', async () => {
    await fill('Same', ['One']);
    expect(await renameMacroFolder(t.store, t.actors.lead, { from: 'Same', to: 'Same ' }).catch((e: unknown) => e)).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(await renameMacroFolder(t.store, t.actors.lead, { from: 'No such folder', to: 'X' }).catch((e: unknown) => e)).toMatchObject({ code: 'not_found', field: 'from' });
    expect(await renameMacroFolder(t.store, t.actors.lead, { from: 'Same', to: '' }).catch((e: unknown) => e)).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(await renameMacroFolder(t.store, t.actors.agent, { from: 'Same', to: 'Other' }).catch((e: unknown) => e)).toMatchObject({ code: 'forbidden' });
  });

  it('over the API: 200 with what moved, 409 naming the clash with nothing moved, 403 for an agent', async () => {
    const ids = await fill('Api old', ['First', 'Second']);
    await fill('Api taken', ['Second']);
    const post = (token: string, body: object) => t.app.inject({ method: 'POST', url: '/api/v1/macros/folders/rename', headers: auth(token), payload: body });
    expect((await post(t.tokens.agent, { from: 'Api old', to: 'Api new' })).statusCode).toBe(403);
    const clash = await post(t.tokens.lead, { from: 'Api old', to: 'Api taken' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'conflict', field: 'to' });
    expect(await foldersOf(ids)).toEqual(['Api old', 'Api old']);
    const ok = await post(t.tokens.lead, { from: 'Api old', to: 'Api new' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ from: 'Api old', to: 'Api new', moved: 2, merged: false });
    expect(await foldersOf(ids)).toEqual(['Api new', 'Api new']);
    expect((await post(t.tokens.lead, { from: 'Api new' })).json().error).toMatchObject({ code: 'invalid_input', field: 'to' });
  });
});
