// Fixed words of ../shared/contract/returns-quote.md. Public contract: entries may be added, never renamed.

export const RETURN_REASONS = ['changed_mind', 'did_not_fit', 'dissatisfied', 'damaged', 'defective', 'wrong_item'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const RETURN_CONDITIONS = ['unopened', 'opened', 'damaged', 'defective'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export const RESOLUTIONS = ['refund', 'store_credit', 'replacement', 'lead_review', 'deny'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const REFUND_METHODS = ['original_payment', 'store_credit'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
