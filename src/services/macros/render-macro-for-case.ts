import type { Executor, Store } from '../../store/database.js';
import { findMacroById, type MacroRecord } from '../../store/repositories/macro.repository.js';
import { DomainError } from '../../domain/errors.js';
import { renderMacro } from '../../domain/macros/render-macro.js';
import type { Unfilled } from '../../domain/macros/placeholders.js';
import { requirePermission, type Actor } from '../actor.js';
import { loadVisibleCase, parseCaseId } from '../cases/case-access.js';
import { parseMacroId } from './macro-input.js';
import { loadMacroContext } from './macro-case-context.js';

export interface MacroPreview {
  macroId: string;
  /** The version rendered: send it back with the reply to be told if it changed meanwhile. */
  version: number;
  folder: string;
  title: string;
  text: string;
  /** What the agent must still fill before the reply can be sent, with offsets in `text`. */
  unfilled: Unfilled[];
}

/** A macro that may be used in a reply: it exists and is not archived. */
export async function loadUsableMacro(db: Executor, macroId: number): Promise<MacroRecord> {
  const m = await findMacroById(db, macroId);
  if (!m) throw new DomainError('not_found', 'no such macro', 'macroId');
  if (!m.active) throw new DomainError('invalid_input', 'this macro is archived; pick one in use', 'macroId');
  return m;
}

/** A macro filled in for a case the actor can see: the draft the agent then fits to the customer. */
export async function renderMacroForCase(store: Store, actor: Actor, input: { caseId: unknown; macroId: unknown }): Promise<MacroPreview> {
  requirePermission(actor, 'macros.read');
  requirePermission(actor, 'cases.read');
  const caseId = parseCaseId(input.caseId);
  const macroId = parseMacroId(input.macroId, 'macroId');
  const c = await loadVisibleCase(store.db, actor, caseId);
  const m = await loadUsableMacro(store.db, macroId);
  const { context, options } = await loadMacroContext(store.db, actor, c);
  const rendered = renderMacro(m.body, context, options);
  return { macroId: String(m.id), version: m.currentVersion, folder: m.folder, title: m.title, ...rendered };
}
