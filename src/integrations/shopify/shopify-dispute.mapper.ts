import { minorToDecimal } from '../../domain/money/decimal.js';
import {
  asObject, optionalCurrency, optionalInstant, optionalMinor, optionalShopifyId, optionalText, shopifyId, type Warnings,
} from './shopify-payload.js';

// disputes/create and disputes/update → the facts of a chargeback (R000-08, R003-06).

export interface ShopifyDisputeRecord {
  disputeId: string;
  shopifyOrderId: string | null;
  /** "chargeback" or "inquiry". */
  type: string | null;
  /** Decimal string in `currency` (normalised to the currency's places), or null when unusable. */
  amount: string | null;
  currency: string | null;
  reason: string | null;
  /** The card network's reason code ("4837"), when Shopify sends it. */
  networkReasonCode: string | null;
  /** needs_response, under_review, charge_refunded, accepted, won, lost. */
  status: string | null;
  evidenceDueBy: string | null;
  evidenceSentOn: string | null;
  finalizedOn: string | null;
  initiatedAt: string | null;
  warnings: Warnings;
}

export function mapShopifyDispute(payload: unknown): ShopifyDisputeRecord {
  const d = asObject(payload, 'dispute');
  const warnings: Warnings = [];
  const currency = optionalCurrency(d.currency, 'currency', warnings);
  const minor = optionalMinor(d.amount, currency, 'amount', warnings);
  return {
    disputeId: shopifyId(d.id, d.admin_graphql_api_id, 'id'),
    shopifyOrderId: optionalShopifyId(d.order_id, undefined, 'order_id'),
    type: optionalText(d.type, 40),
    amount: minor === null || currency === null ? null : minorToDecimal(minor, currency),
    currency: minor === null ? null : currency,
    reason: optionalText(d.reason, 60),
    networkReasonCode: optionalText(d.network_reason_code, 20),
    status: optionalText(d.status, 40),
    evidenceDueBy: optionalInstant(d.evidence_due_by, 'evidence_due_by', warnings),
    evidenceSentOn: optionalInstant(d.evidence_sent_on, 'evidence_sent_on', warnings),
    finalizedOn: optionalInstant(d.finalized_on, 'finalized_on', warnings),
    initiatedAt: optionalInstant(d.initiated_at, 'initiated_at', warnings),
    warnings,
  };
}

/**
 * The case subject: everything an agent needs to triage without opening the case. It changes when
 * Shopify reports a new status or deadline, which is how an update is told from a repeat.
 */
export function chargebackSubject(dispute: ShopifyDisputeRecord, orderNumber: string | null): string {
  const what = dispute.type === 'inquiry' ? 'Payment inquiry' : 'Chargeback';
  const money = dispute.amount !== null ? ` ${dispute.amount} ${dispute.currency}` : '';
  const order = orderNumber !== null ? ` on order ${orderNumber}` : dispute.shopifyOrderId !== null ? ` on Shopify order ${dispute.shopifyOrderId}` : '';
  const state = [
    dispute.status ?? 'status unknown',
    dispute.evidenceDueBy !== null ? `evidence due ${dispute.evidenceDueBy}` : null,
  ].filter((p) => p !== null).join(', ');
  const reason = dispute.reason !== null ? ` (${dispute.reason})` : '';
  return `${what}${money}${order}${reason}: ${state} [Shopify dispute ${dispute.disputeId}]`.slice(0, 300);
}
