import type { Executor } from '../database.js';

/** Which of these external ids of one source and kind have a mapping: one read for a batch of rows. */
export async function existingRefIds(db: Executor, source: string, kind: string, externalIds: readonly string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('integration_refs')
    .select('external_id')
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('external_id', 'in', externalIds)
    .execute();
  return new Set(rows.map((r) => r.external_id));
}
