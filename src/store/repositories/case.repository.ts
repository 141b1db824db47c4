import { sql, type Selectable } from 'kysely';
import type { Executor } from '../database.js';
import type { CasesTable } from '../schema.js';
import { executeShaped, insertRows } from '../shaped-query.js';

export interface CaseRecord {
  id: number;
  subject: string | null;
  category: string;
  severity: string | null;
  channel: string | null;
  storefront: string | null;
  status: string;
  priority: string;
  level: string;
  escalated: boolean;
  levelOverride: string | null;
  priorityOverride: string | null;
  policyLevel: string;
  policyPriority: string;
  customerId: number | null;
  orderId: number | null;
  assigneeId: number | null;
  teamId: number | null;
  /** A supporting team beside the owner (R000-01: supplier, back office, compliance). */
  partnerTeamId: number | null;
  promisedResolution: string | null;
  promisedBy: string | null;
  resolvedById: number | null;
  resolvedAt: string | null;
  closedAt: string | null;
  firstResponseAt: string | null;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  facts: Record<string, unknown>;
  decision: Record<string, unknown>;
  policyVersion: number | null;
  createdById: number | null;
  createdAt: string;
  updatedAt: string;
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function toCase(row: Selectable<CasesTable>): CaseRecord {
  return {
    id: Number(row.id),
    subject: row.subject,
    category: row.category,
    severity: row.severity,
    channel: row.channel,
    storefront: row.storefront,
    status: row.status,
    priority: row.priority,
    level: row.level,
    escalated: Number(row.escalated) === 1,
    levelOverride: row.level_override,
    priorityOverride: row.priority_override,
    policyLevel: row.policy_level,
    policyPriority: row.policy_priority,
    customerId: num(row.customer_id),
    orderId: num(row.order_id),
    assigneeId: num(row.assignee_id),
    teamId: num(row.team_id),
    partnerTeamId: num(row.partner_team_id),
    promisedResolution: row.promised_resolution,
    promisedBy: row.promised_by,
    resolvedById: num(row.resolved_by_id),
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    firstResponseAt: row.first_response_at,
    firstResponseDueAt: row.first_response_due_at,
    nextResponseDueAt: row.next_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    facts: JSON.parse(row.facts_json) as Record<string, unknown>,
    decision: JSON.parse(row.decision_json) as Record<string, unknown>,
    policyVersion: row.policy_version === null ? null : Number(row.policy_version),
    createdById: num(row.created_by_id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type NewCase = Omit<CaseRecord, 'id' | 'updatedAt'>;
export type CasePatch = Partial<Omit<CaseRecord, 'id' | 'createdAt' | 'createdById'>>;

const COLUMN_OF: Record<keyof CasePatch, string> = {
  subject: 'subject', category: 'category', severity: 'severity', channel: 'channel', storefront: 'storefront',
  status: 'status', priority: 'priority', level: 'level', escalated: 'escalated', levelOverride: 'level_override',
  priorityOverride: 'priority_override', policyLevel: 'policy_level', policyPriority: 'policy_priority',
  customerId: 'customer_id', orderId: 'order_id', assigneeId: 'assignee_id', teamId: 'team_id', partnerTeamId: 'partner_team_id',
  promisedResolution: 'promised_resolution', promisedBy: 'promised_by', resolvedById: 'resolved_by_id',
  resolvedAt: 'resolved_at', closedAt: 'closed_at', firstResponseAt: 'first_response_at',
  firstResponseDueAt: 'first_response_due_at', nextResponseDueAt: 'next_response_due_at',
  resolutionDueAt: 'resolution_due_at', facts: 'facts_json', decision: 'decision_json', policyVersion: 'policy_version',
  updatedAt: 'updated_at',
};

function columnValue(key: keyof CasePatch, value: unknown): unknown {
  if (key === 'facts' || key === 'decision') return JSON.stringify(value);
  if (key === 'escalated') return value ? 1 : 0;
  return value;
}

export function toColumns(patch: CasePatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = COLUMN_OF[key as keyof CasePatch];
    if (!column) continue;
    out[column] = columnValue(key as keyof CasePatch, value);
  }
  return out;
}

export async function insertCase(db: Executor, input: NewCase): Promise<CaseRecord> {
  return (await insertCases(db, [input]))[0]!;
}

// Columns an opening writes, in the order insertRows binds them.
const NEW_CASE_COLUMNS = [...Object.values(COLUMN_OF).filter((c) => c !== 'updated_at'), 'created_by_id', 'created_at', 'updated_at'];
const NEW_CASE_KEYS = Object.keys(COLUMN_OF).filter((k) => k !== 'updatedAt') as (keyof NewCase & keyof CasePatch)[];

/**
 * Inserts cases in one statement and returns them in the order given. Only the new ids come back
 * from the database: every other column is what was given (no column of `cases` has a default an
 * opening relies on), so the rows are not read back and their JSON not parsed again — on the
 * opening path that read-back cost about as much as the insert itself (issue 2 item 10).
 */
export async function insertCases(db: Executor, inputs: readonly NewCase[]): Promise<CaseRecord[]> {
  if (inputs.length === 0) return [];
  const ids = await insertRows(db, 'cases', NEW_CASE_COLUMNS, inputs.map((c) => [
    ...NEW_CASE_KEYS.map((key) => (c[key] === undefined ? null : columnValue(key, c[key]))),
    c.createdById,
    c.createdAt,
    c.createdAt,
  ]), { returningId: true });
  return inputs.map((c, i) => ({ ...c, id: ids[i]!, updatedAt: c.createdAt }));
}

export async function findCaseById(db: Executor, id: number): Promise<CaseRecord | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
}

/**
 * Locks the case row for the rest of the transaction on PostgreSQL, so two instances changing one
 * case serialize; SQLite transactions already hold the single write lock.
 */
export async function findCaseForUpdate(db: Executor, id: number, dialect: 'sqlite' | 'postgres'): Promise<CaseRecord | undefined> {
  let q = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toCase(row);
}

export async function updateCase(db: Executor, id: number, patch: CasePatch): Promise<CaseRecord> {
  const row = await db
    .updateTable('cases')
    .set(toColumns(patch) as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCase(row);
}

/**
 * Several cases by id, in id order, locked for the rest of the transaction on PostgreSQL (in id
 * order, so two transactions locking overlapping sets queue instead of deadlocking).
 */
export async function findCasesForUpdate(db: Executor, ids: readonly number[], dialect: 'sqlite' | 'postgres'): Promise<CaseRecord[]> {
  const sorted = [...ids].sort((a, b) => a - b);
  const out: CaseRecord[] = [];
  for (let i = 0; i < sorted.length; i += ID_LIST_CHUNK) {
    let q = db.selectFrom('cases').selectAll().where('id', 'in', sorted.slice(i, i + ID_LIST_CHUNK)).orderBy('id');
    if (dialect === 'postgres') q = q.forUpdate();
    out.push(...(await q.execute()).map(toCase));
  }
  return out;
}

/** The same change to several cases, in one statement per chunk of ids. */
export async function updateCasesAlike(db: Executor, ids: readonly number[], patch: CasePatch): Promise<void> {
  for (let i = 0; i < ids.length; i += ID_LIST_CHUNK) {
    await db.updateTable('cases').set(toColumns(patch) as never).where('id', 'in', ids.slice(i, i + ID_LIST_CHUNK)).execute();
  }
}

// Ids per IN list: far below both databases' bound-parameter limits.
const ID_LIST_CHUNK = 5_000;

export const CASE_SORTS = ['created', 'updated', 'due', 'priority'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseListFilter {
  statuses?: string[];
  priorities?: string[];
  levels?: string[];
  categories?: string[];
  excludeCategories?: string[];
  assigneeId?: number | null;
  teamId?: number | null;
  escalated?: boolean;
  customerIds?: number[];
  orderId?: number;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  /** Supplier scope: only this team's cases or this user's. */
  onlyTeamOrAssignee?: { teamId: number | null; userId: number } | null;
}

/** Keyset position: the sort key of the last row seen and its id (ties broken by id). */
export type CaseCursor = [string, number];

const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

function sortKey(sort: CaseSort) {
  switch (sort) {
    case 'created':
      return { expr: sql<string>`created_at`, dir: 'desc' as const };
    case 'updated':
      return { expr: sql<string>`updated_at`, dir: 'desc' as const };
    case 'due':
      return { expr: sql<string>`coalesce(resolution_due_at, ${FAR_FUTURE})`, dir: 'asc' as const };
    case 'priority':
      // P1 < P2 < P3 as text; within a priority, the longest-waiting first.
      return { expr: sql<string>`priority || created_at`, dir: 'asc' as const };
  }
}

export async function listCases(
  db: Executor,
  filter: CaseListFilter,
  page: { sort: CaseSort; after?: CaseCursor; limit: number },
): Promise<{ items: CaseRecord[]; next: CaseCursor | null }> {
  const key = sortKey(page.sort);
  let q = db.selectFrom('cases').selectAll().select(key.expr.as('sort_key'));
  if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses);
  if (filter.priorities?.length) q = q.where('priority', 'in', filter.priorities);
  if (filter.levels?.length) q = q.where('level', 'in', filter.levels);
  if (filter.categories?.length) q = q.where('category', 'in', filter.categories);
  if (filter.excludeCategories?.length) q = q.where('category', 'not in', filter.excludeCategories);
  if (filter.assigneeId !== undefined) {
    q = filter.assigneeId === null ? q.where('assignee_id', 'is', null) : q.where('assignee_id', '=', filter.assigneeId);
  }
  if (filter.teamId !== undefined) q = filter.teamId === null ? q.where('team_id', 'is', null) : q.where('team_id', '=', filter.teamId);
  if (filter.escalated !== undefined) q = q.where('escalated', '=', filter.escalated ? 1 : 0);
  if (filter.customerIds?.length) q = q.where('customer_id', 'in', filter.customerIds);
  if (filter.orderId !== undefined) q = q.where('order_id', '=', filter.orderId);
  if (filter.q) q = q.where(sql`lower(coalesce(subject, ''))`, 'like', `%${filter.q.toLowerCase()}%`);
  if (filter.createdFrom) q = q.where('created_at', '>=', filter.createdFrom);
  if (filter.createdTo) q = q.where('created_at', '<', filter.createdTo);
  const scope = filter.onlyTeamOrAssignee;
  if (scope) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.teamId !== null ? [eb('team_id', '=', scope.teamId), eb('partner_team_id', '=', scope.teamId)] : []),
        eb('assignee_id', '=', scope.userId),
      ]),
    );
  }
  if (page.after) {
    const [value, id] = page.after;
    q = key.dir === 'desc'
      ? q.where(sql<boolean>`(${key.expr} < ${value} or (${key.expr} = ${value} and id < ${id}))`)
      : q.where(sql<boolean>`(${key.expr} > ${value} or (${key.expr} = ${value} and id > ${id}))`);
  }
  q = q.orderBy(key.expr, key.dir).orderBy('id', key.dir).limit(page.limit + 1);
  const rows = await q.execute();
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1] as (typeof rows)[number] | undefined;
  return {
    items: items.map((r) => toCase(r)),
    next: more && last ? [String(last.sort_key), Number(last.id)] : null,
  };
}

/** Earlier cases of these customers (the customer and linked accounts), for offense counting (R003-03). */
export async function priorIssuesOf(
  db: Executor,
  customerIds: number[],
  excludeCaseId: number | null,
): Promise<{ caseId: number; category: string; at: string; customerId: number }[]> {
  if (customerIds.length === 0) return [];
  let q = db
    .selectFrom('cases')
    .select(['id', 'category', 'created_at', 'customer_id'])
    .where('customer_id', 'in', customerIds)
    .orderBy('created_at');
  if (excludeCaseId !== null) q = q.where('id', '!=', excludeCaseId);
  const rows = await q.execute();
  return rows.map((r) => ({ caseId: Number(r.id), category: r.category, at: r.created_at, customerId: Number(r.customer_id) }));
}

/**
 * Earlier cases of a customer and every account linked to it, transitively, in one query
 * (R003-03: research the customer's other accounts and earlier offenses).
 */
export async function priorIssuesOfLinked(
  db: Executor,
  customerId: number,
  excludeCaseId: number | null,
): Promise<{ caseId: number; category: string; at: string; customerId: number }[]> {
  const rows = await sql<{ id: number; category: string; created_at: string; customer_id: number }>`
    with recursive linked(id) as (
      select cast(${customerId} as bigint)
      union
      select l.linked_customer_id from customer_links l join linked on l.customer_id = linked.id
    )
    select c.id, c.category, c.created_at, c.customer_id
    from cases c
    where c.customer_id in (select id from linked) and c.id <> ${excludeCaseId ?? -1}
    order by c.created_at`.execute(db);
  return rows.rows.map((r) => ({ caseId: Number(r.id), category: r.category, at: r.created_at, customerId: Number(r.customer_id) }));
}

/**
 * For each customer: the customers linked to it, itself included, following links as
 * priorIssuesOfLinked does, and every case of those customers (R003-03) — for a batch of openings.
 * The links are walked first (usually one probe that finds none) and the cases read with a plain
 * IN list: one recursive statement for many anchors misleads PostgreSQL's row estimates into a
 * sequential scan of every case and a JIT compile (measured 237 ms for 64 customers among 20,000
 * cases, against about 2 ms this way).
 */
export async function linkedCustomersAndIssues(
  db: Executor,
  customerIds: readonly number[],
): Promise<Map<number, { linked: Set<number>; issues: { caseId: number; category: string; at: string; customerId: number }[] }>> {
  const out = new Map<number, { linked: Set<number>; issues: { caseId: number; category: string; at: string; customerId: number }[] }>();
  const anchors = [...new Set(customerIds)];
  if (anchors.length === 0) return out;
  const neighbours = new Map<number, number[]>();
  let frontier = anchors;
  while (frontier.length > 0) {
    const rows = await executeShaped(db, `links of x${frontier.length}`, () => db.selectFrom('customer_links').select(['customer_id', 'linked_customer_id']).where('customer_id', 'in', frontier), frontier);
    const next: number[] = [];
    for (const r of rows) {
      const from = Number(r.customer_id);
      const to = Number(r.linked_customer_id);
      neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
      if (!neighbours.has(to) && !anchors.includes(to) && !next.includes(to)) next.push(to);
    }
    for (const id of frontier) if (!neighbours.has(id)) neighbours.set(id, []);
    frontier = next.filter((id) => !neighbours.has(id));
  }
  const everyone = new Set<number>();
  for (const anchor of anchors) {
    const linked = new Set([anchor]);
    const stack = [anchor];
    while (stack.length > 0) {
      for (const to of neighbours.get(stack.pop()!) ?? []) {
        if (!linked.has(to)) {
          linked.add(to);
          stack.push(to);
        }
      }
    }
    for (const id of linked) everyone.add(id);
    out.set(anchor, { linked, issues: [] });
  }
  const ids = [...everyone];
  const cases = await executeShaped(db, `cases of customers x${ids.length}`, () => db
    .selectFrom('cases')
    .select(['id', 'category', 'created_at', 'customer_id'])
    .where('customer_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id'), ids);
  const byCustomer = new Map<number, { caseId: number; category: string; at: string; customerId: number }[]>();
  for (const c of cases) {
    const customerId = Number(c.customer_id);
    const list = byCustomer.get(customerId) ?? [];
    list.push({ caseId: Number(c.id), category: c.category, at: c.created_at, customerId });
    byCustomer.set(customerId, list);
  }
  for (const entry of out.values()) {
    for (const id of entry.linked) entry.issues.push(...(byCustomer.get(id) ?? []));
    if (entry.linked.size > 1) entry.issues.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.caseId - b.caseId));
  }
  return out;
}
