// The JSON the console reads from /api/v1. The server is the source of truth
// (src/services/cases/case-view.ts, users/user-view.ts, teams/team-view.ts); these types describe
// the wire format. Where a server view type already is the wire shape, the console files beside
// this one `import type` it (erased at build: the bundle never pulls in server modules).

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface Team {
  id: string;
  key: string;
  name: string;
  kind: string;
}

export interface SessionInfo {
  user: User;
  csrfToken: string | null;
  permissions: string[];
  /** Desk-wide settings (DESK_CURRENCY); absent from a server older than the console. */
  desk?: { currency: string };
}

export interface Due {
  firstResponse: string | null;
  nextResponse: string | null;
  resolution: string | null;
}

export interface CaseSummary {
  id: string;
  subject: string | null;
  category: string;
  status: string;
  priority: string;
  level: string;
  escalated: boolean;
  channel: string | null;
  storefront: string | null;
  customerId: string | null;
  orderId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  due: Due;
  promisedResolution: string | null;
  promisedBy: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface DecisionReason {
  rule: string;
  text: string;
}

/** contract decision.md; the supplier only gets priority and level. */
export interface Decision {
  priority?: string;
  level?: string;
  escalate?: boolean;
  signals?: Record<string, number>;
  redFlags?: string[];
  actions?: string[];
  reasons?: DecisionReason[];
  route?: { team: string; partner?: string };
  offense?: number;
  policyVersion?: string;
}

export interface TimelineEntry {
  id: string;
  type: string;
  at: string;
  actor: { kind: string; id: string | null };
  internal: boolean;
  data: Record<string, unknown>;
}

export interface CaseCustomer {
  id: string;
  externalId?: string;
  name: string | null;
  email?: string | null;
  phone?: string | null;
  vip?: boolean;
}

export interface CaseOrder {
  id: string;
  number: string;
  fulfillment: string | null;
  destination: string | null;
  placedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  neededBy: string | null;
  currency?: string | null;
  total?: string | null;
  failedDeliveries?: number | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  decision: Decision;
  policyVersion: number | null;
  overrides: { level: string | null; priority: string | null };
  customer: CaseCustomer | null;
  order: CaseOrder | null;
  attachments: Attachment[];
  timeline: TimelineEntry[];
}

export interface CustomerProfile {
  id: string;
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  vip: boolean;
  linkedAccounts: { id: string; externalId: string; name: string | null; email: string | null }[];
  cases: CaseSummary[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface PolicyVersion {
  version: number;
  label: string | null;
  authorId: string | null;
  createdAt: string;
  yaml?: string;
}

export interface PolicyProblem {
  source: string;
  line?: number;
  path: string;
  message: string;
}
