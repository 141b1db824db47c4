import type { Store } from '../../src/store/database.js';
import { insertCase, type NewCase } from '../../src/store/repositories/case.repository.js';

// Many cases at once for the queue's scale checks (issue 8 item 2: 10,000 cases scroll smoothly),
// written straight to the store in one transaction: opening 10,000 through the API would spend the
// run evaluating policy, which is not what these checks measure. Shared by the browser suite and
// bench/console-scroll.bench.ts.

const CATEGORIES = ['damaged_item', 'order_status', 'wrong_item', 'refund_request', 'missing_item'];
const PRIORITIES = ['P1', 'P2', 'P3'];
const LEVELS = ['L1', 'L1', 'L2', 'L3'];

export async function seedCases(store: Store, count: number, options: { startAt?: Date } = {}): Promise<void> {
  const start = (options.startAt ?? new Date()).getTime();
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const createdAt = new Date(start - i * 60_000).toISOString();
      const priority = PRIORITIES[i % PRIORITIES.length]!;
      const level = LEVELS[i % LEVELS.length]!;
      const record: NewCase = {
        subject: `Seeded case ${i + 1} — order ORD-20261120-${String(i).padStart(5, '0')}`,
        category: CATEGORIES[i % CATEGORIES.length]!,
        severity: null, channel: 'email', storefront: 'web',
        status: i % 7 === 0 ? 'pending_customer' : 'open',
        priority, level, escalated: level === 'L3', levelOverride: null, priorityOverride: null,
        policyLevel: level, policyPriority: priority,
        customerId: null, orderId: null, assigneeId: null, teamId: null, partnerTeamId: null,
        promisedResolution: null, promisedBy: null, resolvedById: null, resolvedAt: null, closedAt: null,
        firstResponseAt: null, firstResponseDueAt: null, nextResponseDueAt: null,
        resolutionDueAt: new Date(start + ((i % 96) - 12) * 3_600_000).toISOString(),
        facts: {}, decision: { priority, level, escalate: level === 'L3', reasons: [] },
        policyVersion: null, createdById: null, createdAt,
      };
      await insertCase(trx, record);
    }
  });
}
