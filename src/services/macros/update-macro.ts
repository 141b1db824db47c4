import type { Store } from '../../store/database.js';
import {
  findMacroByFolderTitle, findMacroById, insertMacroVersion, isUniqueViolation, lockMacro, updateMacroRow,
} from '../../store/repositories/macro.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { parseBody, parseChangeNote, parseFolder, parseMacroId, parseTitle } from './macro-input.js';
import { presentMacro, type MacroView } from './macro-view.js';
import { titleTaken } from './create-macro.js';

export interface UpdateMacroInput {
  id: unknown;
  folder?: unknown;
  title?: unknown;
  body?: unknown;
  changeNote?: unknown;
  /** true restores an archived macro; false archives it. */
  active?: unknown;
  /** The version the editor started from; a later one in force means someone else edited meanwhile. */
  baseVersion?: unknown;
}

/**
 * Revises a macro. A changed text is a new version, in force at once, with the earlier ones kept
 * (R000-13); folder, title and active state are properties of the macro, not versioned.
 */
export async function updateMacro(store: Store, actor: Actor, input: UpdateMacroInput): Promise<MacroView> {
  requirePermission(actor, 'macros.manage');
  const id = parseMacroId(input.id);
  const folder = input.folder === undefined ? undefined : parseFolder(input.folder);
  const title = input.title === undefined ? undefined : parseTitle(input.title);
  const body = input.body === undefined ? undefined : parseBody(input.body);
  const changeNote = parseChangeNote(input.changeNote);
  if (input.active !== undefined && typeof input.active !== 'boolean') throw new DomainError('invalid_input', 'expected true or false', 'active');
  const active = input.active as boolean | undefined;
  let baseVersion: number | undefined;
  if (input.baseVersion !== undefined) {
    baseVersion = Number(input.baseVersion);
    if (!Number.isSafeInteger(baseVersion) || baseVersion < 1) throw new DomainError('invalid_input', 'expected a version number', 'baseVersion');
  }
  const at = nowIso();
  const authorId = actorIdOf(actor);
  try {
    return await store.db.transaction().execute(async (trx) => {
      if (!(await lockMacro(trx, id, store.dialect))) throw new DomainError('not_found', 'no such macro', 'id');
      const current = (await findMacroById(trx, id))!;
      if (baseVersion !== undefined && baseVersion !== current.currentVersion) {
        throw new DomainError('conflict', `the macro was revised to version ${current.currentVersion} since version ${baseVersion}; start from the latest`, 'baseVersion');
      }
      const nextFolder = folder ?? current.folder;
      const nextTitle = title ?? current.title;
      if ((nextFolder !== current.folder || nextTitle !== current.title) && (await findMacroByFolderTitle(trx, nextFolder, nextTitle))) {
        throw titleTaken(nextFolder, nextTitle);
      }
      const revised = body !== undefined && body !== current.body;
      const version = revised ? current.currentVersion + 1 : current.currentVersion;
      if (revised) await insertMacroVersion(trx, { macroId: id, version, body, authorId, at, changeNote });
      await updateMacroRow(trx, id, {
        ...(folder !== undefined ? { folder } : {}),
        ...(title !== undefined ? { title } : {}),
        ...(active !== undefined ? { active } : {}),
        ...(revised ? { currentVersion: version } : {}),
      });
      const changed = {
        ...(revised ? { version } : {}),
        ...(nextFolder !== current.folder ? { folder: { from: current.folder, to: nextFolder } } : {}),
        ...(nextTitle !== current.title ? { title: { from: current.title, to: nextTitle } } : {}),
        ...(active !== undefined && active !== current.active ? { active } : {}),
      };
      if (Object.keys(changed).length > 0) {
        const action = revised ? 'macro.revised' : active === false && current.active ? 'macro.archived' : active === true && !current.active ? 'macro.restored' : 'macro.updated';
        await insertAuditEvent(trx, { at, actorId: authorId, action, entityType: 'macro', entityId: String(id), data: { ...changed, ...(changeNote ? { changeNote } : {}) } });
      }
      return presentMacro((await findMacroById(trx, id))!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new DomainError('conflict', 'someone else changed this macro at the same moment; reload and try again', 'id');
    }
    throw err;
  }
}
