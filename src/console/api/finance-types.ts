// Answers of /api/v1/finance/entries and /api/v1/reports/refunds-tracker. The server's types are the
// source of truth; type-only imports are erased by Vite, so no server module reaches the bundle.

import type { FinanceKind, FinanceState } from '../../domain/finance/finance-entry.js';
import type { FinanceEntryView } from '../../services/finance/finance-view.js';

export type { TrackerCell, TrackerItem, TrackerMonth } from '../../domain/finance/refunds-tracker.js';
export type { RefundsTrackerView as RefundsTracker } from '../../services/finance/refunds-tracker.js';

/** The view's kind and state are the domain's closed lists on the wire. */
export interface FinanceEntry extends Omit<FinanceEntryView, 'kind' | 'state'> {
  kind: FinanceKind;
  state: FinanceState;
}
