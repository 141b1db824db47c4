import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, optionalText } from './rma-inputs.js';
import type { RmaView } from './rma-view.js';

/** The carrier scanned the parcel on its way back (R004-05 return tracking). */
export async function markInTransit(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const trackingNumber = optionalText(body.trackingNumber, 'trackingNumber', 100);
  return changeRma(store, actor, { number: input.number, event: 'ship', permission: 'returns.manage' }, () => ({
    patch: trackingNumber ? { trackingNumber } : {},
    data: trackingNumber ? { trackingNumber } : {},
  }));
}
