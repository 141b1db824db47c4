import type { Store } from '../../store/database.js';
import { listMacroFolders, listMacros as listMacroRows } from '../../store/repositories/macro.repository.js';
import { DomainError } from '../../domain/errors.js';
import { can } from '../../domain/access/permissions.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseFolder } from './macro-input.js';
import { presentMacro, type MacroView } from './macro-view.js';

export interface ListMacrosInput {
  folder?: string;
  q?: string;
  /** Archived macros too; only for those who manage macros. */
  includeArchived?: boolean;
  limit?: number;
}

export interface MacroListView {
  folders: { name: string; count: number }[];
  items: MacroView[];
}

/** The macro board: folders with their counts, and the macros matching a folder and/or search. */
export async function listMacros(store: Store, actor: Actor, input: ListMacrosInput = {}): Promise<MacroListView> {
  requirePermission(actor, 'macros.read');
  const includeArchived = input.includeArchived === true;
  if (includeArchived && !can(actor.role, 'macros.manage')) {
    throw new DomainError('forbidden', `the ${actor.role} role may not see archived macros`, 'includeArchived');
  }
  const limit = input.limit ?? 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');
  const folder = input.folder === undefined || input.folder === '' ? undefined : parseFolder(input.folder);
  const q = input.q?.trim().slice(0, 200);
  const [folders, rows] = await Promise.all([
    listMacroFolders(store.db, { includeArchived }),
    listMacroRows(store.db, { includeArchived, limit, ...(folder !== undefined ? { folder } : {}), ...(q ? { q } : {}) }),
  ]);
  return { folders: folders.map((f) => ({ name: f.folder, count: f.count })), items: rows.map(presentMacro) };
}
