import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { payOutRma } from './pay-out-rma.js';
import type { RmaView } from './rma-view.js';

/** Pays an inspected return as store credit with the policy's bonus (R004-12); see payOutRma for the rules. */
export async function creditRma(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  return payOutRma(store, actor, 'store_credit', input);
}
