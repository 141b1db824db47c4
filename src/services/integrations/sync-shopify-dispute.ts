import { createHash } from 'node:crypto';
import { findCaseById } from '../../store/repositories/case.repository.js';
import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { claimIntegrationRef, lockIntegrationRef, setIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import type { OrderRecord } from '../../store/repositories/order.repository.js';
import { chargebackSubject, mapShopifyDispute, type ShopifyDisputeRecord } from '../../integrations/shopify/shopify-dispute.mapper.js';
import { openCase } from '../cases/open-case.js';
import { mutateCase } from '../cases/mutate-case.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { findShopifyOrder } from './shopify-order-links.js';
import { decimalToMinor } from '../../domain/money/decimal.js';
import { syncChargebackLog, type PlatformDispute } from '../logs/sync-chargeback-log.js';

/**
 * disputes/create and disputes/update: one `chargeback` case per Shopify dispute (R000-08: it lands
 * in the restricted chargeback log; R003-06: the policy puts it at L4). The first webhook of a
 * dispute opens the case; later ones record a changed status or evidence deadline on it.
 */
export async function syncShopifyDispute(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const dispute = mapShopifyDispute(payload);
  const ref = shopifyRef('dispute', dispute.disputeId);
  await claimIntegrationRef(ctx.trx, ref, ctx.at);
  const caseId = await lockIntegrationRef(ctx.trx, ref, ctx.store.dialect);
  const order = dispute.shopifyOrderId !== null ? await findShopifyOrder(ctx.trx, dispute.shopifyOrderId) : undefined;
  const subject = chargebackSubject(dispute, order?.number ?? null);
  const base = {
    disputeId: dispute.disputeId, status: dispute.status, evidenceDueBy: dispute.evidenceDueBy,
    orderId: order?.id ?? null, ...(dispute.warnings.length > 0 ? { warnings: dispute.warnings } : {}),
  };

  // Each distinct state of the dispute (status, deadline, amount…) is recorded once, whichever
  // delivery brings it first; a repeat of a known state changes nothing.
  const newState = await claimIntegrationRef(ctx.trx, shopifyRef('dispute_state', `${dispute.disputeId}:${stateKey(dispute)}`), ctx.at);
  const existing = typeof caseId === 'number' ? await findCaseById(ctx.trx, caseId) : undefined;
  if (!existing) {
    const opened = await openChargebackCase(ctx, dispute, order, subject);
    await setIntegrationRef(ctx.trx, ref, opened, ctx.at);
    const log = await syncChargebackLog(ctx.trx, ctx.actor, ctx.at, { caseId: opened, dispute: platformDispute(dispute) });
    return { outcome: 'processed', ...base, caseId: opened, created: true, logState: log.state };
  }
  if (!newState) return { outcome: 'processed', ...base, caseId: existing.id, created: false, changed: false };
  await mutateCase(ctx.store, ctx.actor, existing.id, { reevaluate: false }, ({ at }) => ({
    patch: { subject },
    events: [{ type: 'note', actorId: null, actorKind: 'integration', at, internal: true, data: { text: disputeNote(dispute, 'updated'), source: 'shopify', topic: ctx.topic, disputeId: dispute.disputeId } }],
  }));
  const log = await syncChargebackLog(ctx.trx, ctx.actor, ctx.at, { caseId: existing.id, dispute: platformDispute(dispute) });
  return { outcome: 'processed', ...base, caseId: existing.id, created: false, changed: true, logState: log.state };
}

/** The dispute as the chargeback log holds it (R000-08): amount in minor units, the network's reason code first. */
function platformDispute(d: ShopifyDisputeRecord): PlatformDispute {
  const minor = d.amount !== null && d.currency !== null ? decimalToMinor(d.amount, d.currency) : null;
  return {
    platform: 'shopify', externalRef: d.disputeId, reasonCode: d.networkReasonCode ?? d.reason,
    amountMinor: minor?.ok ? minor.minor : null, currency: minor?.ok ? d.currency : null,
    evidenceDueAt: d.evidenceDueBy, evidenceSubmittedAt: d.evidenceSentOn, outcomeAt: d.finalizedOn, status: d.status,
  };
}

function stateKey(d: ShopifyDisputeRecord): string {
  const state = [d.type, d.status, d.amount, d.currency, d.reason, d.evidenceDueBy, d.evidenceSentOn, d.finalizedOn].join('|');
  return createHash('sha256').update(state).digest('hex').slice(0, 32);
}

function disputeNote(d: ShopifyDisputeRecord, verb: 'opened' | 'updated'): string {
  const parts = [
    `Shopify dispute ${d.disputeId} ${verb}`,
    d.type !== null ? `type ${d.type}` : null,
    d.amount !== null ? `amount ${d.amount} ${d.currency}` : null,
    d.reason !== null ? `reason ${d.reason}` : null,
    d.status !== null ? `status ${d.status}` : null,
    d.evidenceDueBy !== null ? `evidence due ${d.evidenceDueBy}` : null,
    d.evidenceSentOn !== null ? `evidence sent ${d.evidenceSentOn}` : null,
    d.finalizedOn !== null ? `finalized ${d.finalizedOn}` : null,
  ];
  return parts.filter((p) => p !== null).join('; ');
}

async function openChargebackCase(ctx: DeliveryContext, dispute: ShopifyDisputeRecord, order: OrderRecord | undefined, subject: string): Promise<number> {
  const customer = order?.customerId != null ? await findCustomerById(ctx.trx, order.customerId) : undefined;
  const view = await openCase(ctx.store, ctx.actor, {
    actorKind: 'integration',
    body: {
      category: 'chargeback',
      subject,
      // The order's known facts come from its row; the number is what links the case to it.
      ...(order ? { order: { number: order.number } } : {}),
      ...(customer ? { customer: { id: customer.externalId } } : {}),
      timeline: [{ type: 'note', text: disputeNote(dispute, 'opened'), ...(dispute.initiatedAt !== null ? { at: dispute.initiatedAt } : {}) }],
    },
  });
  return Number(view.id);
}
