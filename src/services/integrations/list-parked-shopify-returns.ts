import type { Store } from '../../store/database.js';
import {
  countParkedShopifyReturnsByState, listParkedShopifyReturns as listRows,
  type ParkedShopifyReturnRecord, type ParkedShopifyReturnState,
} from '../../store/repositories/parked-shopify-return.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { parkedReturnExpiresAt } from './expire-parked-shopify-return.js';

const STATES: readonly ParkedShopifyReturnState[] = ['waiting', 'expired', 'applied'];

export interface ParkedShopifyReturnView {
  id: string;
  /** X-Shopify-Webhook-Id of the parked delivery (its body stays in webhook_deliveries). */
  deliveryId: string;
  topic: string;
  /** The Shopify order it waits for; null when it names only its return and waits for that. */
  shopifyOrderId: string | null;
  returnId: string;
  state: ParkedShopifyReturnState;
  parkedAt: string;
  /** When a waiting delivery stops waiting (SHOPIFY_PARKED_RETURN_EXPIRY_HOURS after it was parked). */
  expiresAt: string | null;
  expiredAt: string | null;
  appliedAt: string | null;
  orderId: string | null;
  /** What applying it did (the RMA it opened or moved); null unless applied. */
  result: Record<string, unknown> | null;
}

function viewOf(row: ParkedShopifyReturnRecord, expiryHours: number): ParkedShopifyReturnView {
  return {
    id: String(row.id), deliveryId: row.deliveryId, topic: row.topic, shopifyOrderId: row.shopifyOrderId, returnId: row.returnId,
    state: row.state, parkedAt: row.parkedAt,
    expiresAt: row.state === 'waiting' ? parkedReturnExpiresAt(row.parkedAt, expiryHours).toISOString() : null,
    expiredAt: row.expiredAt, appliedAt: row.appliedAt, orderId: row.orderId === null ? null : String(row.orderId), result: row.result,
  };
}

/**
 * The Shopify returns/* and reverse deliveries that arrived before what they name (their order, or
 * their return), newest first: still waiting, expired (the order never came within
 * SHOPIFY_PARKED_RETURN_EXPIRY_HOURS) or applied — so an order that never arrives is seen, not lost.
 */
export async function listParkedShopifyReturns(
  store: Store,
  actor: Actor,
  input: { state?: unknown; cursor?: unknown; limit?: unknown },
  options: { expiryHours: number },
): Promise<{ counts: Record<ParkedShopifyReturnState, number>; items: ParkedShopifyReturnView[]; nextCursor: string | null }> {
  requirePermission(actor, 'integrations.read');
  const limit = input.limit === undefined ? 50 : Number(input.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('invalid_input', 'expected 1 to 500', 'limit');
  if (input.state !== undefined && !STATES.includes(input.state as ParkedShopifyReturnState)) {
    throw new DomainError('invalid_input', `expected one of ${STATES.join(', ')}`, 'state');
  }
  if (input.cursor !== undefined && (typeof input.cursor !== 'string' || !/^\d{1,15}$/.test(input.cursor))) {
    throw new DomainError('invalid_input', 'not a cursor this server issued', 'cursor');
  }
  const rows = await listRows(store.db, {
    limit: limit + 1,
    ...(input.state !== undefined ? { state: input.state as ParkedShopifyReturnState } : {}),
    ...(input.cursor !== undefined ? { beforeId: Number(input.cursor) } : {}),
  });
  const items = rows.slice(0, limit);
  return {
    counts: await countParkedShopifyReturnsByState(store.db),
    items: items.map((r) => viewOf(r, options.expiryHours)),
    nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null,
  };
}
