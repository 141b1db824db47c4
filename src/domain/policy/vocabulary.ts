// The fixed vocabulary of ../shared/contract/decision.md. Names here are a public contract: checks
// outside the project run against them, so entries may be added but never renamed.

export const PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type Level = (typeof LEVELS)[number];

export const CHANNELS = ['email', 'chat', 'phone', 'social', 'web_form', 'store', 'marketplace'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STOREFRONTS = ['web', 'marketplace', 'retail'] as const;
export type Storefront = (typeof STOREFRONTS)[number];

export const SEVERITIES = ['minor', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FULFILLMENT_STATES = [
  'unfulfilled',
  'picked',
  'packed',
  'shipped',
  'delivered',
  'returned_to_sender',
] as const;
export type FulfillmentState = (typeof FULFILLMENT_STATES)[number];

export const DESTINATIONS = ['domestic', 'international'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const SIGNALS = [
  'legal_threat',
  'manager_demand',
  'abusive_language',
  'uncooperative',
  'solution_rejected',
  'review_threat',
  'chargeback_threat',
  'chargeback_opened',
  'phone_call_request',
  'cancellation_threat',
  'safety_issue',
  'media_attention',
  'fraud_suspected',
  'misconduct_allegation',
  'waiting_at_store',
  'exception_request',
] as const;
export type Signal = (typeof SIGNALS)[number];

export const ACTIONS = [
  'raise_compensation',
  'reassure_customer',
  'supervisor_approval',
  'internal_note_required',
  'verify_identity',
  'check_other_accounts',
  'confirm_address',
  'file_carrier_claim',
  'report_inventory_discrepancy',
  'request_photo',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Category ids of the contract's category table; the default policy defines each of them. */
export const CATEGORIES = [
  // general inquiry
  'donation_request', 'wholesale_inquiry', 'press_inquiry', 'product_information', 'terms_question', 'website_navigation',
  // order
  'order_status', 'order_change', 'order_cancel', 'address_update', 'order_confirmation', 'new_order', 'rush_request',
  // order issue (offense-based)
  'did_not_like', 'damaged_item', 'defective_item', 'adverse_reaction', 'delivered_not_received', 'missing_item', 'wrong_item',
  'packaging_issue',
  // safety
  'foreign_object', 'injury',
  // account
  'gift_card_balance', 'promo_not_applied', 'rewards_account', 'shop_runner',
  'gift_card_not_found', 'promo_not_working', 'bnpl_issue', 'rewards_points', 'merge_accounts',
  // supply
  'restock_inquiry', 'out_of_stock', 'inventory_discrepancy', 'backorder',
  // fulfillment
  'processing_delay', 'shipping_delay', 'lost_in_transit', 'return_to_sender', 'pickup_order', 'incorrect_address',
  'failed_delivery', 'invalid_tracking', 'label_created_stale', 'prepaid_label_request', 'international_issue',
  // returns
  'return_request', 'refund_request', 'exchange_request', 'warranty_return',
  // product, platform, marketing
  'product_ingredients', 'website_issue', 'unsubscribe', 'brand_feedback', 'influencer_feedback',
  // retail
  'store_exchange', 'store_experience', 'store_damage_no_proof', 'third_party_purchase',
  'store_pickup', 'store_transfer', 'store_return',
  // other
  'spam', 'employee_verification',
  // disputes
  'chargeback', 'fraud', 'wholesale_reseller_issue',
  // trend
  'incident_report',
] as const;
export type ContractCategory = (typeof CATEGORIES)[number];

/** A policy may define categories beyond the contract's; ids are validated against the policy in force. */
export type CategoryId = string;
