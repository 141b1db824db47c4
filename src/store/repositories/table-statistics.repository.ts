import { sql } from 'kysely';
import { dialectOf, type Executor } from '../database.js';
import type { DB } from '../schema.js';

/**
 * Refreshes PostgreSQL's planner statistics for `tables` (ANALYZE), after a bulk load.
 *
 * Autovacuum analyzes a table once about a tenth of it has changed, but only at its next round
 * (a minute apart by default). Until then a table filled by an import has no statistics, and
 * PostgreSQL plans blind: it read an opening's prior issues (`customer_id IN (…)`) with a
 * sequential scan of cases, 3.5 ms per batch of openings at 6,000 cases instead of 0.7 ms (explain
 * analyze, 2026-12-06), and growing with the table. ANALYZE samples a bounded number of rows and
 * takes a lock that blocks neither reads nor writes.
 *
 * SQLite: nothing to do. Its planner uses statistics only after an ANALYZE has created them, which
 * Ladder never runs, so its plans do not change as tables grow.
 */
export async function refreshTableStatistics(db: Executor, tables: readonly (keyof DB & string)[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}
