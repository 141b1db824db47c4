import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, requiredText } from './rma-inputs.js';
import type { RmaView } from './rma-view.js';

/** Cancels a return before it is received (the customer withdrew it, or Shopify's returns/cancel). */
export async function cancelRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const reason = requiredText(body.reason, 'reason');
  return changeRma(store, actor, { number: input.number, event: 'cancel', permission: 'returns.manage' }, () => ({
    patch: { decisionNote: reason },
    data: { reason },
  }));
}
