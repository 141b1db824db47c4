import type { Actor } from '../actor.js';
import type { Store } from '../../store/database.js';
import { changeRma } from './change-rma.js';
import { inputObject, optionalText } from './rma-inputs.js';
import type { RmaView } from './rma-view.js';

/** The return label and tracking instructions were emailed (R004-05, R004-07: within 4 hours). */
export async function markLabelSent(store: Store, actor: Actor, input: { number: unknown; body?: unknown }): Promise<RmaView> {
  const body = inputObject(input.body);
  const trackingNumber = optionalText(body.trackingNumber, 'trackingNumber', 100);
  const carrier = optionalText(body.carrier, 'carrier', 100);
  return changeRma(store, actor, { number: input.number, event: 'send_label', permission: 'returns.manage' }, () => ({
    patch: trackingNumber ? { trackingNumber } : {},
    data: { ...(trackingNumber ? { trackingNumber } : {}), ...(carrier ? { carrier } : {}) },
  }));
}
