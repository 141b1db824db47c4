import { asObject, optionalInstant, optionalShopifyId, optionalText, shopifyId, type Warnings } from './shopify-payload.js';

// orders/risk_assessment_changed → a fraud-risk fact about an order (R000-08: high-risk orders
// belong in the chargebacks & fraud log). Shopify's body names the order, the assessing provider
// and `risk_level` (HIGH, MEDIUM, LOW, NONE, PENDING in the Admin API's RiskAssessmentResult).

export const SHOPIFY_RISK_LEVELS = ['HIGH', 'MEDIUM', 'LOW', 'NONE', 'PENDING'] as const;
export type ShopifyRiskLevel = (typeof SHOPIFY_RISK_LEVELS)[number];

export interface ShopifyOrderRiskRecord {
  /** Null when the level is not one Shopify documents: such a body changes nothing. */
  riskLevel: ShopifyRiskLevel | null;
  /** Required only of a HIGH assessment: the one that opens a log entry. */
  shopifyOrderId: string | null;
  provider: string | null;
  assessedAt: string | null;
  warnings: Warnings;
}

export function mapShopifyOrderRisk(payload: unknown): ShopifyOrderRiskRecord {
  const r = asObject(payload, 'risk_assessment');
  const warnings: Warnings = [];
  const level = optionalText(r.risk_level, 20)?.toUpperCase() ?? null;
  const riskLevel = level !== null && (SHOPIFY_RISK_LEVELS as readonly string[]).includes(level) ? (level as ShopifyRiskLevel) : null;
  if (level !== null && riskLevel === null) warnings.push(`risk_level: ${level} is not a level Shopify documents; ignored`);
  const shopifyOrderId = riskLevel === 'HIGH'
    ? shopifyId(r.order_id, r.admin_graphql_api_order_id, 'order_id')
    : optionalShopifyId(r.order_id, r.admin_graphql_api_order_id, 'order_id');
  return {
    riskLevel, shopifyOrderId,
    provider: optionalText(r.provider_title, 100),
    assessedAt: optionalInstant(r.created_at, 'created_at', warnings),
    warnings,
  };
}
