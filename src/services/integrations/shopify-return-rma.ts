import { findRmaByIdForUpdate, type RmaRecord } from '../../store/repositories/rma.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { claimIntegrationRef, lockIntegrationRef, setIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import { isTerminalRmaState, rmaIsComplete, type RmaState } from '../../domain/returns/rma.js';
import type { Resolution } from '../../domain/returns/return-vocabulary.js';
import type { ShopifyReturnRecord } from '../../integrations/shopify/shopify-returns.mapper.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { moveShopifyRma, type MoveOutcome, type ShopifyRmaMove } from './move-shopify-rma.js';
import { openShopifyRma } from './open-shopify-rma.js';
import { SHOPIFY_RETURNS_ACTOR, findReturnsCase, noteOnCase, returnsCaseFor } from './shopify-return-case.js';

// Shopify returns feed RMAs (issue 6 item 7, issue 7 item 1): a requested return opens an RMA on the
// order's returns case; approve, decline, cancel and an attached return label move it; close and
// reopen, which the RMA's state machine has no move for, are explained on the case.

/** One Shopify fact about a return, as the RMA work needs it. */
export interface ShopifyReturnEvent {
  returnId: string;
  /** "#1001-R1" or the id: how notes name the return. */
  label: string;
  /** Identifies the fact: a second delivery of the same fact (another subscription, a resend) changes nothing. */
  factKey: string;
  /** The return itself, when the payload carries it: an RMA can be opened from it. */
  opening: ShopifyReturnRecord | null;
  move: ShopifyRmaMove | null;
  /** For facts the RMA has no move for: what they mean for the desk. */
  info: { kind: 'close' | 'reopen'; text: string } | null;
}

/** Topics that may open the RMA: a request, or an approval arriving before (or instead of) it. */
const OPENING_TOPICS = new Set(['returns/request', 'returns/approve']);

/** The RMA move of each returns/* topic; close and reopen have none (see `returnInfo`). */
export function rmaMoveOf(ret: ShopifyReturnRecord): ShopifyRmaMove | null {
  switch (ret.topic) {
    case 'returns/approve':
      return { event: 'approve', body: { note: 'approved in Shopify' } };
    case 'returns/decline': {
      const why = ret.decline ? [ret.decline.reason, ret.decline.note].filter((p) => p !== '').join(': ') : '';
      return { event: 'deny', body: { reason: `declined in Shopify${why ? ` (${why})` : ''}`.slice(0, 2000) } };
    }
    case 'returns/cancel':
      return { event: 'cancel', body: { reason: 'cancelled in Shopify' } };
    default:
      return null;
  }
}

function returnInfo(ret: ShopifyReturnRecord): ShopifyReturnEvent['info'] {
  if (ret.topic === 'returns/close') return { kind: 'close', text: 'Shopify closed the return' };
  if (ret.topic === 'returns/reopen') return { kind: 'reopen', text: 'Shopify reopened the return' };
  return null;
}

/**
 * Shopify's close does not say whether the money went back as a refund or as store credit, and the
 * RMA has no way back from a final state: both are left to an agent, with the reason on the case.
 */
function infoConsequence(kind: 'close' | 'reopen', rma: RmaRecord): string {
  const state = rma.state as RmaState;
  if (kind === 'reopen') {
    return isTerminalRmaState(state)
      ? `the RMA state machine has no move out of ${state}: ${rma.number} stays ${state}; request a new RMA if the return goes ahead`
      : `${rma.number} is still ${state}`;
  }
  return rmaIsComplete(state, rma.resolution as Resolution)
    ? `${rma.number} is ${state}: nothing left to do`
    : `${rma.number} is ${state} and the RMA has no close move: receive, inspect and settle it here, or cancel it`;
}

/** The event of a returns/* webhook (returns/update and returns/process carry no RMA fact). */
export function returnEventOf(ret: ShopifyReturnRecord): ShopifyReturnEvent {
  return {
    returnId: ret.returnId,
    label: ret.name ?? ret.returnId,
    factKey: `${ret.returnId}:${ret.topic}:${ret.status}`,
    opening: OPENING_TOPICS.has(ret.topic) ? ret : null,
    move: rmaMoveOf(ret),
    info: returnInfo(ret),
  };
}

export interface ShopifyRmaResult {
  rma: string | null;
  rmaState: string | null;
  caseId: number | null;
  openedRma?: boolean;
  openedCase?: boolean;
  moved?: MoveOutcome;
  /** Why the desk could not do what Shopify reported; also noted on the case. */
  problem?: string;
  /** The same fact arrived before under another delivery id. */
  replay?: boolean;
}

/**
 * Applies one Shopify return fact to its RMA. Idempotent by Shopify return gid: the return → RMA
 * mapping is claimed and locked first, so replays and concurrent copies of any event of one return
 * apply one after another, and a return opens one RMA however often it is reported.
 */
export async function applyShopifyReturnEvent(ctx: DeliveryContext, order: OrderRecord | undefined, e: ShopifyReturnEvent): Promise<ShopifyRmaResult> {
  if (!order) return { rma: null, rmaState: null, caseId: null, problem: 'the return\'s order is not known to the desk' };
  const ref = shopifyRef('rma', e.returnId);
  await claimIntegrationRef(ctx.trx, ref, ctx.at);
  const rmaId = await lockIntegrationRef(ctx.trx, ref, ctx.store.dialect);
  let rma: RmaRecord | undefined = typeof rmaId === 'number' ? await findRmaByIdForUpdate(ctx.trx, rmaId, ctx.store.dialect) : undefined;
  const fresh = await claimIntegrationRef(ctx.trx, shopifyRef('return_event', e.factKey), ctx.at);
  const result: ShopifyRmaResult = { rma: rma?.number ?? null, rmaState: rma?.state ?? null, caseId: rma?.caseId ?? null };
  const rctx: DeliveryContext = { ...ctx, actor: SHOPIFY_RETURNS_ACTOR };

  if (!rma && e.opening) {
    const { caseId, opened } = await returnsCaseFor(rctx, order, e.label);
    Object.assign(result, { caseId, openedCase: opened });
    const made = await openShopifyRma(rctx, e.opening, order, caseId);
    if (made.ok) {
      rma = made.rma;
      await setIntegrationRef(ctx.trx, ref, rma.id, ctx.at);
      Object.assign(result, { rma: rma.number, rmaState: rma.state, openedRma: true });
    } else {
      result.problem = `no RMA opened: ${made.problem}`;
      // With a move to follow, its own note carries the reason; one note per fact.
      if (fresh && !e.move) await noteOnCase(rctx, caseId, `Shopify return ${e.label} could not become an RMA: ${made.problem}`, { returnId: e.returnId });
    }
  }
  if (!fresh) return { ...result, replay: true };

  const caseId = rma?.caseId ?? result.caseId ?? (await findReturnsCase(rctx, order.id));
  result.caseId = caseId;
  if (e.move) {
    if (!rma) {
      const why = `no RMA for Shopify return ${e.label} yet: ${e.move.event} not applied${result.problem ? ` (${result.problem})` : ''}`;
      result.problem = why;
      if (caseId !== null) await noteOnCase(rctx, caseId, `Shopify ${ctx.topic}: ${why}`, { returnId: e.returnId });
      return result;
    }
    const outcome = await moveShopifyRma(rctx.store, SHOPIFY_RETURNS_ACTOR, rma, e.move);
    result.moved = outcome;
    result.rmaState = outcome.kind === 'moved' ? outcome.to : outcome.state;
    if (outcome.kind === 'refused') {
      result.problem = outcome.why;
      if (caseId !== null) {
        await noteOnCase(rctx, caseId, `Shopify ${ctx.topic} for return ${e.label} was not applied to ${rma.number}: ${outcome.why}`, {
          returnId: e.returnId, rma: rma.number, event: e.move.event, refused: true,
        });
      }
    }
    return result;
  }
  if (e.info && rma && caseId !== null) {
    await noteOnCase(rctx, caseId, `${e.info.text} ${e.label}; ${infoConsequence(e.info.kind, rma)}`, { returnId: e.returnId, rma: rma.number });
  }
  return result;
}
