import type { RmaRecord } from '../../store/repositories/rma.repository.js';
import { DomainError } from '../../domain/errors.js';
import { RMA_TRANSITIONS, allowedRmaEvents, type RmaEvent, type RmaState } from '../../domain/returns/rma.js';
import type { Store } from '../../store/database.js';
import type { Actor } from '../actor.js';
import { approveRma } from '../returns/approve-rma.js';
import { cancelRma } from '../returns/cancel-rma.js';
import { denyRma } from '../returns/deny-rma.js';
import { markLabelSent } from '../returns/mark-label-sent.js';
import type { RmaView } from '../returns/rma-view.js';

// What a Shopify return event asks of its RMA, and the agent-facing services that do it (issue 6
// item 7): the same permission checks, state machine, money rules, due times (R004-05, R004-07),
// case timeline and audit as a person's move, with "shopify" as the actor.

/** A Shopify fact as an RMA move: the event, the service that makes it, and the body it is given. */
export interface ShopifyRmaMove {
  event: RmaEvent;
  body: Record<string, unknown>;
}

type MoveService = (store: Store, actor: Actor, input: { number: unknown; body?: unknown }) => Promise<RmaView>;

const SERVICES: Readonly<Partial<Record<RmaEvent, MoveService>>> = {
  approve: approveRma,
  deny: denyRma,
  cancel: cancelRma,
  send_label: markLabelSent,
};

export type MoveOutcome =
  | { kind: 'moved'; from: RmaState; to: RmaState }
  /** Already where the event leads: a replay of a fact applied before. */
  | { kind: 'already'; state: RmaState }
  /** The state machine or a rule refused it; `why` goes on the case. */
  | { kind: 'refused'; state: RmaState; why: string };

/**
 * Makes the move through its service. A move the state machine forbids, or one a rule keeps for a
 * person (a supervisor's approval, R004-08; a lead's decision, R004-04), is refused with the reason
 * rather than failing the delivery: the services check these before writing anything.
 */
export async function moveShopifyRma(store: Store, actor: Actor, rma: RmaRecord, move: ShopifyRmaMove): Promise<MoveOutcome> {
  const state = rma.state as RmaState;
  const target = RMA_TRANSITIONS[state][move.event];
  if (target === undefined) {
    if (reachedBy(move.event).includes(state)) return { kind: 'already', state };
    const allowed = allowedRmaEvents(state);
    return {
      kind: 'refused', state,
      why: `the RMA state machine does not allow ${move.event} from ${state} (${allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'final state'})`,
    };
  }
  const service = SERVICES[move.event];
  if (!service) return { kind: 'refused', state, why: `no automatic ${move.event}` };
  try {
    const view = await service(store, actor, { number: rma.number, body: move.body });
    return { kind: 'moved', from: state, to: view.state };
  } catch (err) {
    if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'invalid_input' || err.code === 'invalid_transition' || err.code === 'precondition_failed')) {
      return { kind: 'refused', state, why: err.message };
    }
    throw err;
  }
}

/** The states an event leads to and every state after them: where the event has nothing left to do. */
function reachedBy(event: RmaEvent): RmaState[] {
  const direct = (Object.keys(RMA_TRANSITIONS) as RmaState[]).map((s) => RMA_TRANSITIONS[s][event]).filter((s): s is RmaState => s !== undefined);
  const seen = new Set<RmaState>(direct);
  const queue = [...direct];
  while (queue.length > 0) {
    const next = queue.shift() as RmaState;
    for (const to of Object.values(RMA_TRANSITIONS[next])) {
      // A cancellation or denial is not "further along" an approval: it is a different ending.
      if (to !== undefined && to !== 'cancelled' && to !== 'denied' && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return [...seen];
}
