import { findCustomerById } from '../../store/repositories/customer.repository.js';
import { insertCaseLog } from '../../store/repositories/case-log.repository.js';
import { claimIntegrationRef, lockIntegrationRef, setIntegrationRef } from '../../store/repositories/webhook-delivery.repository.js';
import { mapShopifyOrderRisk } from '../../integrations/shopify/shopify-order-risk.mapper.js';
import { logDueAt } from '../../domain/logs/log-due.js';
import type { LogFields } from '../../domain/logs/log-type.js';
import { CHARGEBACK } from '../../domain/logs/types/chargeback.log.js';
import { actorIdOf } from '../actor.js';
import { openCase } from '../cases/open-case.js';
import { recordLogChange } from '../logs/log-context.js';
import { shopifyRef, type DeliveryContext } from './delivery-context.js';
import { findShopifyOrder } from './shopify-order-links.js';

/**
 * orders/risk_assessment_changed: an order Shopify rates HIGH risk opens a `fraud` case with a
 * chargebacks & fraud log entry of source high_risk_order (R000-08; restricted to back office and
 * compliance; R003-06 puts fraud at L4) — once per order, however often the assessment is re-sent
 * or changes. Other levels are recorded in the delivery's result and change nothing.
 */
export async function syncShopifyOrderRisk(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const risk = mapShopifyOrderRisk(payload);
  const base = { riskLevel: risk.riskLevel, shopifyOrderId: risk.shopifyOrderId, ...(risk.warnings.length > 0 ? { warnings: risk.warnings } : {}) };
  if (risk.riskLevel !== 'HIGH' || risk.shopifyOrderId === null) return { outcome: 'processed', ...base, opened: false };

  const ref = shopifyRef('order_risk', risk.shopifyOrderId);
  await claimIntegrationRef(ctx.trx, ref, ctx.at);
  const known = await lockIntegrationRef(ctx.trx, ref, ctx.store.dialect);
  if (typeof known === 'number') return { outcome: 'processed', ...base, caseId: known, opened: false };

  const order = await findShopifyOrder(ctx.trx, risk.shopifyOrderId);
  const customer = order?.customerId != null ? await findCustomerById(ctx.trx, order.customerId) : undefined;
  const named = order ? `order ${order.number}` : `Shopify order ${risk.shopifyOrderId}`;
  const view = await openCase(ctx.store, ctx.actor, {
    actorKind: 'integration',
    body: {
      category: 'fraud',
      subject: `High fraud risk: ${named}`,
      ...(order ? { order: { number: order.number } } : {}),
      ...(customer ? { customer: { id: customer.externalId } } : {}),
      timeline: [{
        type: 'note', text: `Shopify rated ${named} HIGH risk${risk.provider ? ` (${risk.provider})` : ''}`,
        ...(risk.assessedAt !== null ? { at: risk.assessedAt } : {}),
      }],
    },
  });
  const caseId = Number(view.id);
  await setIntegrationRef(ctx.trx, ref, caseId, ctx.at);

  const fields: LogFields = { source: 'high_risk_order', platform: 'shopify', externalRef: risk.shopifyOrderId, riskLevel: 'high' };
  const state = CHARGEBACK.initialState;
  const log = await insertCaseLog(ctx.trx, {
    caseId, type: CHARGEBACK.key, state, sku: null, supplierTeamId: null, fields, dueAt: logDueAt(CHARGEBACK, state, fields, ctx.at),
    openedById: actorIdOf(ctx.actor), openedAt: ctx.at, stateChangedAt: ctx.at, closedAt: null, updatedAt: ctx.at,
  });
  await recordLogChange(ctx.trx, ctx.actor, ctx.at, {
    caseId, logId: log.id, event: 'log_opened',
    timeline: { type: CHARGEBACK.key, state, source: 'high_risk_order', platform: 'shopify' },
    audit: { type: CHARGEBACK.key, state, fields },
  });
  return { outcome: 'processed', ...base, orderId: order?.id ?? null, caseId, opened: true, logId: log.id };
}
