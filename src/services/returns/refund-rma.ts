import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { payOutRma } from './pay-out-rma.js';
import type { RmaView } from './rma-view.js';

/** Refunds an inspected return to the original payment method (R004-06); see payOutRma for the rules. */
export async function refundRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  return payOutRma(store, actor, 'refund', input);
}
