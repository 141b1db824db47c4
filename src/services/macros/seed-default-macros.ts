import type { Store } from '../../store/database.js';
import { DEFAULT_MACROS } from '../../domain/macros/default-macros.js';
import { SYSTEM_ACTOR } from '../actor.js';
import { importMacros, type MacroImportResult } from './import-macros.js';

/**
 * Gives a desk the default macro set (R001-10 templates and the support classics). Safe to run
 * again: macros already there — edited or archived by a lead — are left as they are.
 */
export async function seedDefaultMacros(store: Store): Promise<MacroImportResult> {
  return importMacros(store, SYSTEM_ACTOR, { items: DEFAULT_MACROS, existing: 'keep' });
}
