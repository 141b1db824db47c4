import type { Store } from '../../store/database.js';
import type { Actor } from '../actor.js';
import { updateMacro } from './update-macro.js';
import type { MacroView } from './macro-view.js';

/**
 * Takes a macro out of use. Nothing is deleted: its versions stay readable, replies already sent
 * from it still name it, and a manager can restore it (PUT with active: true).
 */
export async function archiveMacro(store: Store, actor: Actor, input: { id: unknown }): Promise<MacroView> {
  return updateMacro(store, actor, { id: input.id, active: false });
}
