import type { Level } from '../policy/vocabulary.js';

export const ROLES = ['admin', 'agent', 'lead', 'escalations', 'leadership', 'back_office', 'supplier', 'compliance'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The highest case level a role may own (R003-01: each level handles everything below it).
 * Back office and compliance work at lead level on their own queues; the supplier owns no level:
 * it acts only on the tasks in its queue.
 */
export const ROLE_LEVEL: Record<Role, Level | null> = {
  agent: 'L1',
  lead: 'L2',
  back_office: 'L2',
  compliance: 'L2',
  escalations: 'L3',
  leadership: 'L4',
  admin: 'L4',
  supplier: null,
};

export function levelRank(level: Level): number {
  return Number(level.slice(1));
}

export function roleCanOwnLevel(role: Role, level: Level): boolean {
  const own = ROLE_LEVEL[role];
  return own !== null && levelRank(own) >= levelRank(level);
}
