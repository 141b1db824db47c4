import type { Store } from '../../store/database.js';
import { DomainError } from '../../domain/errors.js';
import { renderMacro } from '../../domain/macros/render-macro.js';
import { describeUnfilled, unfilledPlaceholders } from '../../domain/macros/placeholders.js';
import { measureMacroEdit } from '../../domain/macros/edit-measure.js';
import { requirePermission, type Actor } from '../actor.js';
import { loadVisibleCase, parseCaseId } from '../cases/case-access.js';
import { addCaseMessage } from '../cases/add-case-message.js';
import type { CaseView } from '../cases/case-view.js';
import { parseMacroId } from './macro-input.js';
import { loadMacroContext } from './macro-case-context.js';
import { loadUsableMacro } from './render-macro-for-case.js';

export interface ReplyWithMacroInput {
  caseId: unknown;
  macroId: unknown;
  /** What the agent is sending: the rendered macro, fitted to the customer. */
  text: unknown;
  /** The version the agent started from (the preview's); a newer one in force is a conflict. */
  macroVersion?: unknown;
}

/** What a reply sent from a macro carries on its message event (read by the compliance report). */
export interface MacroReplyRecord {
  macroId: string;
  macroVersion: number;
  editDistance: number;
  editRatio: number;
  unedited: boolean;
}

/**
 * An agent reply that started from a macro. Refused while a blank or an unrendered variable is
 * left; otherwise posted exactly like any agent reply (addCaseMessage: who may reply, status,
 * first response, re-decision), with the macro, its version and how much the agent changed it
 * recorded on the message in the same transaction (R000-10, R000-13, issue 5 item 3).
 */
export async function replyWithMacro(store: Store, actor: Actor, input: ReplyWithMacroInput): Promise<CaseView> {
  requirePermission(actor, 'macros.read');
  requirePermission(actor, 'cases.reply');
  const caseId = parseCaseId(input.caseId);
  const macroId = parseMacroId(input.macroId, 'macroId');
  if (typeof input.text !== 'string' || input.text.trim().length === 0) throw new DomainError('invalid_input', 'expected non-empty text', 'text');
  const text = input.text;
  const left = unfilledPlaceholders(text);
  if (left.length > 0) throw new DomainError('invalid_input', `fill in every placeholder before sending: ${describeUnfilled(left)}`, 'text');
  let startedFrom: number | undefined;
  if (input.macroVersion !== undefined && input.macroVersion !== null) {
    startedFrom = Number(input.macroVersion);
    if (!Number.isSafeInteger(startedFrom) || startedFrom < 1) throw new DomainError('invalid_input', 'expected a version number', 'macroVersion');
  }

  const record = await (async (): Promise<MacroReplyRecord> => {
    const trx = store.db;
    const macro = await loadUsableMacro(trx, macroId);
    if (startedFrom !== undefined && startedFrom !== macro.currentVersion) {
      // R000-10: agents answer from the latest version of the board, not the one they opened.
      throw new DomainError('conflict', `"${macro.title}" was revised to version ${macro.currentVersion} since you opened version ${startedFrom}; review the latest text`, 'macroVersion');
    }
    const c = await loadVisibleCase(trx, actor, caseId);
    const { context, options } = await loadMacroContext(trx, actor, c);
    const rendered = renderMacro(macro.body, context, options).text;
    return { macroId: String(macro.id), macroVersion: macro.currentVersion, ...measureMacroEdit(rendered, text) };
  })();
  // Posted like any agent reply, with the macro and how much it was fitted on the same event.
  return addCaseMessage(store, actor, { caseId, from: 'agent', text, eventData: { ...record } });
}
