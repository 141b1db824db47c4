import type { Executor } from '../database.js';

export interface StoredPolicy {
  id: number;
  version: number;
  label: string | null;
  yaml: string;
  authorId: number | null;
  createdAt: string;
}

type Row = { id: number; version: number; label: string | null; yaml: string; author_id: number | null; created_at: string };
const toPolicy = (r: Row): StoredPolicy => ({
  id: Number(r.id),
  version: Number(r.version),
  label: r.label,
  yaml: r.yaml,
  authorId: r.author_id === null ? null : Number(r.author_id),
  createdAt: r.created_at,
});

/** The policy in force is the latest version (R000-13: the latest version is the one in force). */
export async function findLatestPolicy(db: Executor): Promise<StoredPolicy | undefined> {
  const row = await db.selectFrom('policies').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && toPolicy(row);
}

export async function latestPolicyVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('policies').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return row?.v === null || row?.v === undefined ? 0 : Number(row.v);
}

export async function findPolicyVersion(db: Executor, version: number): Promise<StoredPolicy | undefined> {
  const row = await db.selectFrom('policies').selectAll().where('version', '=', version).executeTakeFirst();
  return row && toPolicy(row);
}

/** Versions are dense; the unique index turns a concurrent apply into a conflict instead of a fork. */
export async function insertPolicyVersion(
  db: Executor,
  input: { yaml: string; label: string | null; authorId: number | null; at: string },
): Promise<StoredPolicy> {
  const version = (await latestPolicyVersion(db)) + 1;
  const row = await db
    .insertInto('policies')
    .values({ version, label: input.label, yaml: input.yaml, author_id: input.authorId, created_at: input.at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPolicy(row);
}

export async function listPolicyVersions(db: Executor): Promise<Omit<StoredPolicy, 'yaml'>[]> {
  const rows = await db
    .selectFrom('policies')
    .select(['id', 'version', 'label', 'author_id', 'created_at'])
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    version: Number(r.version),
    label: r.label,
    authorId: r.author_id === null ? null : Number(r.author_id),
    createdAt: r.created_at,
  }));
}
