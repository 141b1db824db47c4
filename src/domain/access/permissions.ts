import type { Role } from './roles.js';

// What each role may do, enforced on the server for every route (issue 2 item 5). A route names
// exactly one permission; the role × route test walks the route table against this matrix.

export const PERMISSIONS = [
  'cases.read',
  'cases.create',
  'cases.reply',
  'cases.note',
  'cases.signal',
  'cases.status',
  'cases.assign',
  'cases.escalate',
  'cases.deescalate',
  'cases.attach',
  'customers.read',
  'customers.write',
  'orders.read',
  'orders.write',
  'users.read',
  'users.manage',
  'teams.read',
  'teams.manage',
  'tokens.own',
  'tokens.manage',
  'policy.read',
  'policy.manage',
  'audit.read',
  /** Chargebacks and high fraud risk (R000-08). */
  'restricted.read',
  /** Sign off and acknowledge a shift handoff (R001-12): the shift's lead or manager. */
  'handoffs.sign',
  /** Export or erase a person's data (access and erasure requests): compliance and admins (R000-01). */
  'privacy.manage',
  /** Return quotes and RMAs (R004). */
  'returns.read',
  /** Request RMAs and move them through their life: label, transit, receipt, inspection, payout. */
  'returns.manage',
  /** The returns metrics report and refunds tracker (R004-10, R000-09). */
  'returns.report',
  /**
   * Approve money that needs a supervisor (R004-08): refunds over the threshold, a lead's
   * case-by-case decision, policy exceptions. Always a second person (four eyes).
   */
  'refunds.approve',
  /** Use macros in replies (R000-10); managing them is for those who keep the board current (R000-13). */
  'macros.read',
  'macros.manage',
  /** Log entries on cases (issue 5): read the templates and queues; open, fill in and move entries. */
  'logs.read',
  'logs.write',
  /** The inventory discrepancy report (R001-06). */
  'logs.report',
  /** Hand a log entry to a supplier team's queue (R000-01: back office runs supplier communication). */
  'logs.assign',
  /** Outgoing webhook endpoints, their secrets and delivery logs (issue 7 item 5): admins only. */
  'webhooks.manage',
  /** Incident reports (R000-07): read them; open one and link cases to it; move it and run the suggestion (R003-04). */
  'incidents.read',
  'incidents.write',
  'incidents.manage',
  /** Shopify integration health: returns parked for an order that has not arrived, and those that expired. */
  'integrations.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASE_WORK: Permission[] = [
  'cases.read', 'cases.create', 'cases.reply', 'cases.note', 'cases.signal', 'cases.status', 'cases.assign',
  'cases.escalate', 'cases.attach', 'customers.read', 'customers.write', 'orders.read', 'orders.write',
  'users.read', 'teams.read', 'tokens.own', 'policy.read', 'macros.read',
];

// Returns: agents request and process RMAs (R004-02..R004-07). A supervisor — a lead or anyone
// above (R003-01, R004-08), and back office, which keeps the refunds/reshipments form (R000-09) —
// approves the money that needs approval. Compliance reviews reporting accuracy (R000-01): it reads
// RMAs and the report but moves no money, so the reviewer is never the approver.
const RETURNS_WORK: Permission[] = ['returns.read', 'returns.manage'];
const SUPERVISOR_RETURNS: Permission[] = [...RETURNS_WORK, 'returns.report', 'refunds.approve'];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  agent: [...CASE_WORK, ...RETURNS_WORK],
  lead: [...CASE_WORK, 'cases.deescalate', 'handoffs.sign', ...SUPERVISOR_RETURNS, 'macros.manage'],
  escalations: [...CASE_WORK, 'cases.deescalate', 'handoffs.sign', ...SUPERVISOR_RETURNS, 'macros.manage'],
  leadership: [...CASE_WORK, 'cases.deescalate', 'restricted.read', 'audit.read', 'handoffs.sign', ...SUPERVISOR_RETURNS, 'macros.manage'],
  // Back office handles Shopify and platform issues (R000-01), so it sees the integration's parked returns.
  back_office: [...CASE_WORK, 'cases.deescalate', 'restricted.read', 'handoffs.sign', ...SUPERVISOR_RETURNS, 'macros.manage', 'integrations.read'],
  compliance: [...CASE_WORK, 'restricted.read', 'audit.read', 'privacy.manage', 'returns.read', 'returns.report'],
  // The external supplier works its own queue: it reads and updates the tasks there, replies to
  // nobody directly, and sees no customer directory, users or policy (R000-01, issue 5 item 2).
  supplier: ['cases.read', 'cases.note', 'cases.status', 'cases.attach', 'tokens.own'],
};

// Log entries (issue 5): everyone who works cases writes them — what each role may do to which
// type and state is the template's rule (src/domain/logs). Compliance reads and reviews the
// discrepancy report and changes only the chargebacks & fraud log (R000-01, R000-08); the supplier works its queue.
const LOG_GRANTS: Record<Role, readonly Permission[]> = {
  admin: [],
  agent: ['logs.read', 'logs.write'],
  lead: ['logs.read', 'logs.write', 'logs.report', 'logs.assign'],
  escalations: ['logs.read', 'logs.write', 'logs.report', 'logs.assign'],
  leadership: ['logs.read', 'logs.write', 'logs.report', 'logs.assign'],
  back_office: ['logs.read', 'logs.write', 'logs.report', 'logs.assign'],
  // Compliance writes only what a template lets it: the chargebacks & fraud log it manages (R000-08).
  compliance: ['logs.read', 'logs.write', 'logs.report'],
  supplier: ['logs.read', 'logs.write'],
};

// Incident reports: agents log new or trending issues (R000-07); L2 and up call out trends and
// move them (R003-04), as does back office; compliance reads. The supplier sees none.
const INCIDENT_GRANTS: Record<Role, readonly Permission[]> = {
  admin: [],
  agent: ['incidents.read', 'incidents.write'],
  lead: ['incidents.read', 'incidents.write', 'incidents.manage'],
  escalations: ['incidents.read', 'incidents.write', 'incidents.manage'],
  leadership: ['incidents.read', 'incidents.write', 'incidents.manage'],
  back_office: ['incidents.read', 'incidents.write', 'incidents.manage'],
  compliance: ['incidents.read'],
  supplier: [],
};

const GRANT_SETS = new Map<Role, ReadonlySet<Permission>>(
  Object.entries(GRANTS).map(([role, perms]) => [role as Role, new Set([...perms, ...LOG_GRANTS[role as Role], ...INCIDENT_GRANTS[role as Role]])]),
);

export function can(role: Role, permission: Permission): boolean {
  return GRANT_SETS.get(role)?.has(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...(GRANT_SETS.get(role) ?? [])];
}
