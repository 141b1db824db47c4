import type { Store } from '../../store/database.js';
import { findMacroById, listMacroVersions } from '../../store/repositories/macro.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { parseMacroId } from './macro-input.js';
import { presentMacro, presentMacroVersion, type MacroDetailView, type MacroVersionView } from './macro-view.js';

/** A macro with its whole history, newest first: the first version listed is the one in force. */
export async function getMacro(store: Store, actor: Actor, input: { id: unknown }): Promise<MacroDetailView> {
  requirePermission(actor, 'macros.read');
  const id = parseMacroId(input.id);
  const m = await findMacroById(store.db, id);
  if (!m) throw new DomainError('not_found', 'no such macro', 'id');
  const versions = await listMacroVersions(store.db, id);
  return { ...presentMacro(m), versions: versions.map((v) => presentMacroVersion(v, m.currentVersion)) };
}

export async function listMacroHistory(store: Store, actor: Actor, input: { id: unknown }): Promise<{ items: MacroVersionView[] }> {
  const detail = await getMacro(store, actor, input);
  return { items: detail.versions };
}
