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
import { findShopifyOrder, noteOnOpenCases } from './shopify-order-links.js';

/**
 * orders/risk_assessment_changed: an order Shopify rates HIGH risk opens a `fraud` case with a
 * chargebacks & fraud log entry of source high_risk_order (R000-08; restricted to back office and
 * compliance; R003-06 puts fraud at L4) — once per order, however often the assessment is re-sent
 * or changes. MEDIUM is put before an agent (reviewShopifyMediumRisk); LOW, NONE and PENDING are
 * recorded in the delivery's result and change nothing.
 */
export async function syncShopifyOrderRisk(ctx: DeliveryContext, payload: unknown): Promise<Record<string, unknown>> {
  const risk = mapShopifyOrderRisk(payload);
  const base = { riskLevel: risk.riskLevel, shopifyOrderId: risk.shopifyOrderId, ...(risk.warnings.length > 0 ? { warnings: risk.warnings } : {}) };
  if (risk.riskLevel === 'MEDIUM' && risk.shopifyOrderId !== null) return { outcome: 'processed', ...base, ...(await reviewShopifyMediumRisk(ctx, risk.shopifyOrderId, risk.provider)) };
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

/**
 * A MEDIUM assessment is a reason to look, not a finding. The SOPs keep only high-risk orders in the
 * restricted chargebacks & fraud log (R000-08), and make *suspected* fraud — a person's judgement —
 * the L4 red flag that needs a supervisor (R001-15, R004-08, R003-06); so a medium risk neither opens
 * that log nor records the fraud_suspected signal. It must still reach an agent before the order
 * ships: an internal note on each open case of the order, or, when it has none, a low-priority
 * `order_confirmation` case (L1, P3: confirm the order with its customer, R003-02) whose opening
 * note asks the agent to verify the customer (R004-02), look for other accounts (R003-03) and record
 * fraud_suspected if that is what they find, which escalates it (R004-08). Once per order: a
 * replayed or re-sent assessment finds the order's `order_risk_review` mapping and adds nothing.
 */
async function reviewShopifyMediumRisk(ctx: DeliveryContext, shopifyOrderId: string, provider: string | null): Promise<Record<string, unknown>> {
  const ref = shopifyRef('order_risk_review', shopifyOrderId);
  if (!(await claimIntegrationRef(ctx.trx, ref, ctx.at))) {
    const known = await lockIntegrationRef(ctx.trx, ref, ctx.store.dialect);
    return { opened: false, alreadyReviewed: true, ...(typeof known === 'number' ? { caseId: known } : {}) };
  }
  const order = await findShopifyOrder(ctx.trx, shopifyOrderId);
  const named = order ? `order ${order.number}` : `Shopify order ${shopifyOrderId}`;
  const rated = `Shopify rated ${named} MEDIUM fraud risk${provider ? ` (${provider})` : ''}`;
  const guidance = 'Review it before it ships: verify the customer (R004-02) and look for other accounts (R003-03). '
    + 'If you suspect fraud, record the fraud_suspected signal: it escalates to a supervisor (R004-08).';
  const notedCases = order ? await noteOnOpenCases(ctx, order.id, `${rated}. ${guidance}`, { riskLevel: 'medium', shopifyOrderId }) : [];
  if (notedCases.length > 0) return { orderId: order!.id, opened: false, notedCases };

  const customer = order?.customerId != null ? await findCustomerById(ctx.trx, order.customerId) : undefined;
  const view = await openCase(ctx.store, ctx.actor, {
    actorKind: 'integration',
    body: {
      category: 'order_confirmation',
      subject: `Review medium fraud risk: ${named}`,
      ...(order ? { order: { number: order.number } } : {}),
      ...(customer ? { customer: { id: customer.externalId } } : {}),
      timeline: [{ type: 'note', text: `${rated}. ${guidance}` }],
    },
  });
  const caseId = Number(view.id);
  await setIntegrationRef(ctx.trx, ref, caseId, ctx.at);
  return { orderId: order?.id ?? null, opened: true, caseId, notedCases };
}
