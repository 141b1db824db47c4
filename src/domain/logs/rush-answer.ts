import type { FulfillmentState } from '../policy/vocabulary.js';

export const RUSH_ANSWERS = ['yes', 'needs_unpack_approval', 'no', 'unknown'] as const;
export type RushAnswer = (typeof RUSH_ANSWERS)[number];

/**
 * R001-05 by fulfillment state: not picked → easy (yes); packed, not shipped → only if someone
 * approves unpacking; shipped → too late. A picked order counts with packed: the SOP calls only
 * "not picked" easy, and under-promising is the rule (R001-16). Without a known state nobody can
 * promise anything: check the order first.
 */
export function rushAnswer(fulfillment: FulfillmentState | string | null | undefined): RushAnswer {
  switch (fulfillment) {
    case 'unfulfilled':
      return 'yes';
    case 'picked':
    case 'packed':
      return 'needs_unpack_approval';
    case 'shipped':
    case 'delivered':
    case 'returned_to_sender':
      return 'no';
    default:
      return 'unknown';
  }
}
