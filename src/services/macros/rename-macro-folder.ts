import type { Store } from '../../store/database.js';
import { findFolderTitleClashes, isUniqueViolation, lockMacroFolder, moveMacroFolder } from '../../store/repositories/macro.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { parseFolder } from './macro-input.js';

export interface RenameMacroFolderInput {
  from: unknown;
  to: unknown;
}

export interface MacroFolderRenameView {
  from: string;
  to: string;
  /** How many macros moved, archived ones included. */
  moved: number;
  /** `to` already had macros: the two folders are now one. */
  merged: boolean;
}

function titlesTaken(to: string, titles: string[]): DomainError {
  const named = titles.map((t) => JSON.stringify(t)).join(', ');
  return new DomainError('conflict', `folder "${to}" already has macros titled ${named} (archived ones count); rename those first`, 'to');
}

/**
 * Renames a folder (R000-13: whoever keeps the board current): a folder is the name its macros
 * share, so every one of them moves, archived ones too, in one transaction with one audit event —
 * all of them or, when one cannot (its title is already in `to`), none. Renaming onto an existing
 * folder merges the two.
 */
export async function renameMacroFolder(store: Store, actor: Actor, input: RenameMacroFolderInput): Promise<MacroFolderRenameView> {
  requirePermission(actor, 'macros.manage');
  const from = parseFolder(input.from, 'from');
  const to = parseFolder(input.to, 'to');
  if (from === to) throw new DomainError('invalid_input', 'is already the folder\'s name', 'to');
  const at = nowIso();
  const actorId = actorIdOf(actor);
  try {
    return await store.db.transaction().execute(async (trx) => {
      if ((await lockMacroFolder(trx, from, store.dialect)).length === 0) throw new DomainError('not_found', `no macros in folder "${from}"`, 'from');
      const clashes = await findFolderTitleClashes(trx, from, to);
      if (clashes.length > 0) throw titlesTaken(to, clashes);
      const merged = (await lockMacroFolder(trx, to, store.dialect)).length > 0;
      const moved = await moveMacroFolder(trx, from, to);
      await insertAuditEvent(trx, {
        at, actorId, action: 'macro.folder_renamed', entityType: 'macro_folder', entityId: from,
        data: { from, to, merged, macroIds: moved.map(String) },
      });
      return { from, to, moved: moved.length, merged };
    });
  } catch (err) {
    // A macro with one of the titles reached `to` between the check and the move.
    if (isUniqueViolation(err)) throw new DomainError('conflict', `folder "${to}" gained a macro with one of these titles meanwhile; try again`, 'to');
    throw err;
  }
}
