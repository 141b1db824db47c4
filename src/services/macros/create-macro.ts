import type { Store } from '../../store/database.js';
import { findMacroByFolderTitle, insertMacro, isUniqueViolation } from '../../store/repositories/macro.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { parseBody, parseChangeNote, parseFolder, parseTitle } from './macro-input.js';
import { presentMacro, type MacroView } from './macro-view.js';

export interface CreateMacroInput {
  folder: unknown;
  title: unknown;
  body: unknown;
  changeNote?: unknown;
}

/** A new macro, version 1; a title is unique within its folder. */
export async function createMacro(store: Store, actor: Actor, input: CreateMacroInput): Promise<MacroView> {
  requirePermission(actor, 'macros.manage');
  const folder = parseFolder(input.folder);
  const title = parseTitle(input.title);
  const body = parseBody(input.body);
  const changeNote = parseChangeNote(input.changeNote);
  const at = nowIso();
  const authorId = actorIdOf(actor);
  try {
    return await store.db.transaction().execute(async (trx) => {
      if (await findMacroByFolderTitle(trx, folder, title)) throw titleTaken(folder, title);
      const m = await insertMacro(trx, { folder, title, body, authorId, at, changeNote });
      await insertAuditEvent(trx, { at, actorId: authorId, action: 'macro.created', entityType: 'macro', entityId: String(m.id), data: { folder, title, version: 1 } });
      return presentMacro(m);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(folder, title);
    throw err;
  }
}

export function titleTaken(folder: string, title: string): DomainError {
  return new DomainError('conflict', `folder "${folder}" already has a macro titled "${title}" (archived ones count; restore it instead)`, 'title');
}
