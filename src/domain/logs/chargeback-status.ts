// How a platform's dispute status maps onto the chargeback log's states (R000-08). The platform
// decides disputes, so its word moves the entry — but only forward: a status that would take the
// entry back (a late or reordered webhook) is recorded on the entry and leaves the state alone.

const PLATFORM_STATE: Readonly<Record<string, string>> = {
  needs_response: 'needs_response',
  under_review: 'submitted',
  won: 'won',
  lost: 'lost',
  // The merchant accepted the chargeback, or refunded the charge: the money is gone either way.
  accepted: 'lost',
  charge_refunded: 'lost',
};

const RANK: Readonly<Record<string, number>> = { needs_response: 0, submitted: 1, won: 2, lost: 2 };

export function chargebackStateForPlatform(status: string | null): string | null {
  return status === null ? null : PLATFORM_STATE[status] ?? null;
}

/** Whether moving `from` → `to` goes forward: never out of a decision, never back to an earlier step. */
export function isForwardChargebackMove(from: string, to: string): boolean {
  const a = RANK[from];
  const b = RANK[to];
  return a !== undefined && b !== undefined && a < 2 && b > a;
}
