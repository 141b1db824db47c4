import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, optionalText } from './rma-inputs.js';
import type { RmaView } from './rma-view.js';

/**
 * The return arrived (R004-07: notify the customer). Processing is due 3–5 business days from now
 * (R004-05); the change-rma frame stores those due times.
 */
export async function receiveRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const note = optionalText(body.note, 'note');
  return changeRma(store, actor, { number: input.number, event: 'receive', permission: 'returns.manage' }, () => ({
    data: note ? { note } : {},
  }));
}
