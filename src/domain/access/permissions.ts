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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASE_WORK: Permission[] = [
  'cases.read', 'cases.create', 'cases.reply', 'cases.note', 'cases.signal', 'cases.status', 'cases.assign',
  'cases.escalate', 'cases.attach', 'customers.read', 'customers.write', 'orders.read', 'orders.write',
  'users.read', 'teams.read', 'tokens.own', 'policy.read',
];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  agent: CASE_WORK,
  lead: [...CASE_WORK, 'cases.deescalate', 'handoffs.sign'],
  escalations: [...CASE_WORK, 'cases.deescalate', 'handoffs.sign'],
  leadership: [...CASE_WORK, 'cases.deescalate', 'restricted.read', 'audit.read', 'handoffs.sign'],
  back_office: [...CASE_WORK, 'cases.deescalate', 'restricted.read', 'handoffs.sign'],
  compliance: [...CASE_WORK, 'restricted.read', 'audit.read', 'privacy.manage'],
  // The external supplier works its own queue: it reads and updates the tasks there, replies to
  // nobody directly, and sees no customer directory, users or policy (R000-01, issue 5 item 2).
  supplier: ['cases.read', 'cases.note', 'cases.status', 'cases.attach', 'tokens.own'],
};

const GRANT_SETS = new Map<Role, ReadonlySet<Permission>>(
  Object.entries(GRANTS).map(([role, perms]) => [role as Role, new Set(perms)]),
);

export function can(role: Role, permission: Permission): boolean {
  return GRANT_SETS.get(role)?.has(permission) ?? false;
}

export function permissionsOf(role: Role): Permission[] {
  return [...(GRANT_SETS.get(role) ?? [])];
}
