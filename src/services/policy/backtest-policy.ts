import type { Store } from '../../store/database.js';
import { scanCases, deciderEventsOf } from '../../store/repositories/case-scan.repository.js';
import { priorIssuesOf } from '../../store/repositories/case.repository.js';
import { findCustomerById, linkedCustomerIds } from '../../store/repositories/customer.repository.js';
import { findOrderById } from '../../store/repositories/order.repository.js';
import { parsePolicy } from '../../domain/policy/parse-policy.js';
import { compilePolicy } from '../../domain/policy/compile-policy.js';
import type { Decision } from '../../domain/policy/case-facts.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { buildCaseFacts } from '../cases/case-facts-builder.js';
import { createPolicyRuntime, loadPolicyRuntime } from './load-policy-runtime.js';

export interface BacktestChange {
  caseId: string;
  category: string;
  from: Pick<Decision, 'priority' | 'level' | 'escalate'>;
  to: Pick<Decision, 'priority' | 'level' | 'escalate'>;
  reasons: string[];
}

export interface BacktestReport {
  candidate: string;
  against: number;
  cases: number;
  changed: { priority: number; level: number; escalate: number; any: number };
  /** Moves between values, e.g. "L1→L3": 12. */
  transitions: Record<string, number>;
  examples: BacktestChange[];
  unknownCategories: Record<string, number>;
}

const BATCH = 500;

/**
 * Re-decides every stored case under a candidate policy and under the policy in force, at the
 * same moment and from the same facts, without writing anything (issue 3 item 6): a team sees
 * what a change does before applying it.
 */
export async function backtestPolicy(store: Store, actor: Actor, input: { yaml: string; source: string; examples?: number }): Promise<BacktestReport> {
  requirePermission(actor, 'policy.read');
  const candidate = createPolicyRuntime(compilePolicy(parsePolicy(input.yaml, input.source)), 0);
  const current = await loadPolicyRuntime(store);
  const now = clock.now();
  const report: BacktestReport = {
    candidate: input.source, against: current.version, cases: 0,
    changed: { priority: 0, level: 0, escalate: 0, any: 0 }, transitions: {}, examples: [], unknownCategories: {},
  };
  const maxExamples = input.examples ?? 10;
  let after = 0;
  for (;;) {
    const cases = await scanCases(store.db, after, BATCH);
    if (cases.length === 0) break;
    after = cases[cases.length - 1]!.id;
    const events = await deciderEventsOf(store.db, cases.map((c) => c.id));
    for (const c of cases) {
      report.cases++;
      const [customer, order] = await Promise.all([
        c.customerId !== null ? findCustomerById(store.db, c.customerId) : undefined,
        c.orderId !== null ? findOrderById(store.db, c.orderId) : undefined,
      ]);
      const accounts = c.customerId !== null ? await linkedCustomerIds(store.db, c.customerId) : [];
      const prior = (await priorIssuesOf(store.db, accounts, c.id)).filter((p) => p.at < c.createdAt);
      const facts = buildCaseFacts({ caseRow: c, customer: customer ?? null, order: order ?? null, priorIssues: prior, events: events.get(c.id) ?? [], now });
      let next: Decision;
      try {
        next = candidate.decide(candidate.parseFacts(facts));
      } catch {
        report.unknownCategories[c.category] = (report.unknownCategories[c.category] ?? 0) + 1;
        continue;
      }
      const before = current.decide(facts);
      const diff = { priority: before.priority !== next.priority, level: before.level !== next.level, escalate: before.escalate !== next.escalate };
      if (diff.priority) report.changed.priority++;
      if (diff.level) report.changed.level++;
      if (diff.escalate) report.changed.escalate++;
      if (diff.priority || diff.level || diff.escalate) {
        report.changed.any++;
        if (diff.priority) report.transitions[`${before.priority}→${next.priority}`] = (report.transitions[`${before.priority}→${next.priority}`] ?? 0) + 1;
        if (diff.level) report.transitions[`${before.level}→${next.level}`] = (report.transitions[`${before.level}→${next.level}`] ?? 0) + 1;
        if (report.examples.length < maxExamples) {
          report.examples.push({
            caseId: String(c.id),
            category: c.category,
            from: { priority: before.priority, level: before.level, escalate: before.escalate },
            to: { priority: next.priority, level: next.level, escalate: next.escalate },
            reasons: next.reasons.map((r) => `${r.rule}: ${r.text}`),
          });
        }
      }
    }
  }
  return report;
}
