import type { Store } from '../../store/database.js';
import {
  findMacroByFolderTitle, findMacroById, insertMacro, insertMacroVersion, isUniqueViolation, lockMacro, updateMacroRow,
} from '../../store/repositories/macro.repository.js';
import { insertAuditEvent } from '../../store/repositories/audit.repository.js';
import { DomainError } from '../../domain/errors.js';
import { actorIdOf, requirePermission, type Actor } from '../actor.js';
import { nowIso } from '../clock.js';
import { parseBody, parseChangeNote, parseFolder, parseTitle } from './macro-input.js';

export interface MacroImportItem {
  folder: unknown;
  title: unknown;
  body: unknown;
  note?: unknown;
}

export type MacroImportOutcome = 'created' | 'revised' | 'unchanged' | 'kept';

export interface MacroImportResult {
  items: { folder: string; title: string; id: string; version: number; outcome: MacroImportOutcome }[];
  created: number;
  revised: number;
  unchanged: number;
  kept: number;
}

export const MAX_IMPORT = 1000;

/**
 * Loads a set of macros, matched to existing ones by folder and title, all or nothing: every item
 * is validated first (problems name the item, e.g. `macros[2].body`), then one transaction writes.
 * `revise` makes a changed text a new version (an archived macro stays archived); `keep` leaves
 * existing macros alone, which is how the default set is seeded without undoing a lead's edits.
 */
export async function importMacros(
  store: Store,
  actor: Actor,
  input: { items: unknown; existing?: 'revise' | 'keep'; field?: string },
): Promise<MacroImportResult> {
  requirePermission(actor, 'macros.manage');
  const field = input.field ?? 'macros';
  if (!Array.isArray(input.items)) throw new DomainError('invalid_input', 'expected a list of macros', field);
  if (input.items.length > MAX_IMPORT) throw new DomainError('invalid_input', `at most ${MAX_IMPORT} macros at once`, field);
  const seen = new Set<string>();
  const items = input.items.map((raw: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DomainError('invalid_input', 'expected folder, title and body', at);
    const r = raw as MacroImportItem;
    const item = { folder: parseFolder(r.folder, `${at}.folder`), title: parseTitle(r.title, `${at}.title`), body: parseBody(r.body, `${at}.body`), note: parseChangeNote(r.note, `${at}.note`) };
    const key = JSON.stringify([item.folder, item.title]);
    if (seen.has(key)) throw new DomainError('invalid_input', `"${item.title}" appears twice in folder "${item.folder}"`, `${at}.title`);
    seen.add(key);
    return item;
  });
  const mode = input.existing ?? 'revise';
  const at = nowIso();
  const authorId = actorIdOf(actor);

  try {
    return await store.db.transaction().execute(async (trx) => {
      const result: MacroImportResult = { items: [], created: 0, revised: 0, unchanged: 0, kept: 0 };
      for (const item of items) {
        const existing = await findMacroByFolderTitle(trx, item.folder, item.title);
        if (!existing) {
          const m = await insertMacro(trx, { folder: item.folder, title: item.title, body: item.body, authorId, at, changeNote: item.note });
          await insertAuditEvent(trx, { at, actorId: authorId, action: 'macro.created', entityType: 'macro', entityId: String(m.id), data: { folder: m.folder, title: m.title, version: 1, via: 'import' } });
          result.items.push({ folder: m.folder, title: m.title, id: String(m.id), version: 1, outcome: 'created' });
          result.created++;
          continue;
        }
        const outcome: MacroImportOutcome = mode === 'keep' ? 'kept' : existing.body === item.body ? 'unchanged' : 'revised';
        let version = existing.currentVersion;
        if (outcome === 'revised') {
          await lockMacro(trx, existing.id, store.dialect);
          version = (await findMacroById(trx, existing.id))!.currentVersion + 1;
          await insertMacroVersion(trx, { macroId: existing.id, version, body: item.body, authorId, at, changeNote: item.note });
          await updateMacroRow(trx, existing.id, { currentVersion: version });
          await insertAuditEvent(trx, { at, actorId: authorId, action: 'macro.revised', entityType: 'macro', entityId: String(existing.id), data: { version, via: 'import', ...(item.note ? { changeNote: item.note } : {}) } });
        }
        result.items.push({ folder: existing.folder, title: existing.title, id: String(existing.id), version, outcome });
        result[outcome]++;
      }
      return result;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('conflict', 'macros were changed at the same moment; run the import again', field);
    throw err;
  }
}
