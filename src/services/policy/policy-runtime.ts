import type { CaseFacts, Decision } from '../../domain/policy/case-facts.js';
import type { Priority, Channel } from '../../domain/policy/vocabulary.js';

/** The policy in force, compiled, as the case use cases need it. */
export interface PolicyRuntime {
  /** Stored version number (every stored decision records it). */
  version: number;
  /** Validates case facts against this policy; throws DomainError naming the field. */
  parseFacts(input: unknown): CaseFacts;
  decide(facts: CaseFacts): Decision;
  /**
   * Due instants anchored where the SLA clocks start: first response and resolution at the
   * opening, next response at the latest customer message.
   */
  dueTimes(input: { priority: Priority; channel: Channel | null; openedAt: Date; lastCustomerMessageAt: Date | null }): {
    firstResponse: string | null;
    nextResponse: string | null;
    resolution: string | null;
  };
  /** The policy calendar's IANA zone: what "a date" and "a shift" mean for this desk. */
  timeZone: string;
  /** Statuses in which SLA clocks stop (pending_customer, pending_supplier by default). */
  pauseStatuses: readonly string[];
  /** The team key that owns a level, per storefront (R002-01). */
  routeTeam(level: string, storefront: string | null): string | null;
}
