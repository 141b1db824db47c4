// Import a team's existing sheet (escalations log, problem orders, chargebacks, refunds tracker)
// as cases (issue 7 item 4). Rows stream through one at a time: nothing here holds the sheet, so a
// million rows import in bounded memory; only the first `maxReportedErrors` row errors are kept.
//
// A batch's rows open their cases together (openCasesTogether: one statement per table for the
// batch), then each moves to the status the sheet records; rows are committed in batches (importBatch). Re-importing is idempotent: a marker per row (sheet source +
// content hash) in integration_refs points at the case it opened and is checked first.
import type { Store } from '../../store/database.js';
import type { CsvRecord } from '../../integrations/csv/csv-reader.js';
import type { IntegrationRefKey } from '../../store/repositories/webhook-delivery.repository.js';
import { setIntegrationRefs } from '../../store/repositories/shopify-mapping-batch.repository.js';
import { existingRefIds } from '../../store/repositories/integration-ref-batch.repository.js';
import { refreshTableStatistics } from '../../store/repositories/table-statistics.repository.js';
import { inOneTransaction } from '../integrations/delivery-context.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { parseOpenCaseRequest } from '../cases/open-case-input.js';
import { openCasesTogether, type OpenCaseItem } from '../cases/open-cases.js';
import { changeCaseStatusesTogether } from '../cases/change-case-statuses-together.js';
import { ImportMappingError, missingColumns, type ImportMapping } from './import-mapping.js';
import { columnIndex, mapSheetRow, rowKey } from './map-sheet-row.js';

export const IMPORT_REF_SOURCE = 'csv_import';

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportProgress {
  rows: number;
  invalid: number;
  created: number;
  skipped: number;
}

export interface ImportSummary extends ImportProgress {
  dryRun: boolean;
  sheet: string;
  source: string;
  /** Moved to the status the sheet records after opening (resolved rows, mostly). */
  statusChanged: number;
  errors: RowError[];
  /** Row errors beyond those kept in `errors`. */
  errorsNotShown: number;
}

export interface ImportSheetInput {
  records: AsyncIterable<CsvRecord>;
  mapping: ImportMapping;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
  maxReportedErrors?: number;
  /** Rows per transaction; IMPORT_BATCH_ROWS unless a test needs small batches. */
  batchRows?: number;
}

export function formatRowError(e: RowError): string {
  return `line ${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

/** Rows committed together: one commit per 500 rows instead of three per row (issue 7 item 4). */
export const IMPORT_BATCH_ROWS = 500;
/** Cases created by one import above which the planner's statistics are refreshed afterwards. */
export const ANALYZE_AFTER_CREATED = 1000;
const IMPORTED_TABLES = ['cases', 'case_events', 'case_clocks', 'customers', 'orders', 'integration_refs'] as const;

interface ValidRow {
  line: number;
  key: IntegrationRefKey;
  body: Record<string, unknown>;
  status: string | null;
}

export async function importSheet(store: Store, actor: Actor, input: ImportSheetInput): Promise<ImportSummary> {
  requirePermission(actor, 'cases.create');
  const { mapping, dryRun } = input;
  const keep = input.maxReportedErrors ?? 1000;
  const batchRows = input.batchRows ?? IMPORT_BATCH_ROWS;
  const runtime = await loadPolicyRuntime(store);
  const summary: ImportSummary = {
    dryRun, sheet: mapping.sheet, source: mapping.source, rows: 0, invalid: 0, created: 0, skipped: 0, statusChanged: 0, errors: [], errorsNotShown: 0,
  };
  const fail = (line: number, field: string, message: string) => {
    summary.invalid++;
    if (summary.errors.length < keep) summary.errors.push({ line, field, message });
    else summary.errorsNotShown++;
  };

  let index: Map<string, number> | null = null;
  let batch: ValidRow[] = [];
  for await (const record of input.records) {
    if (index === null) {
      const missing = missingColumns(mapping, record.fields);
      if (missing.length > 0) {
        throw new ImportMappingError(missing.map((c) => `${mapping.file}: column "${c}" is not in the sheet's header (line ${record.line})`));
      }
      index = columnIndex(record.fields);
      continue;
    }
    summary.rows++;
    const mapped = mapSheetRow(mapping, index, record.fields);
    if ('field' in mapped) fail(record.line, mapped.field, mapped.message);
    else {
      try {
        // The same validation openCase runs, so a dry run finds what a real run would reject, and
        // a batch rarely meets a bad row.
        parseOpenCaseRequest(mapped.body, runtime);
        if (!dryRun) {
          const key: IntegrationRefKey = { source: IMPORT_REF_SOURCE, kind: `sheet:${mapping.source}`, externalId: rowKey(mapping, record.fields) };
          batch.push({ line: record.line, key, body: mapped.body, status: mapped.status });
        }
      } catch (err) {
        if (!(err instanceof DomainError) || !err.code.startsWith('invalid')) throw err;
        fail(record.line, '', err.message);
      }
    }
    if (batch.length >= batchRows) {
      await importBatch(store, actor, batch, summary, fail);
      batch = [];
    }
    input.onProgress?.(summary);
  }
  if (batch.length > 0) {
    await importBatch(store, actor, batch, summary, fail);
    input.onProgress?.(summary);
  }
  // A large import changes what the tables look like faster than autovacuum notices; the openings
  // that follow it should not be planned on stale statistics (table-statistics.repository.ts).
  if (summary.created >= ANALYZE_AFTER_CREATED) await refreshTableStatistics(store.db, IMPORTED_TABLES);
  return summary;
}

/**
 * Imports the batch's rows in one transaction. Re-import stays idempotent per row: rows whose
 * marker exists (one read for the batch) or that repeat an earlier row of the batch are skipped,
 * and each row's marker commits with its case. If a row fails after validation, the batch rolls
 * back and its rows run again one transaction each, so the good rows are kept and the bad one is
 * reported by its line.
 */
async function importBatch(
  store: Store, actor: Actor, batch: ValidRow[], summary: ImportSummary, fail: (line: number, field: string, message: string) => void,
): Promise<void> {
  const known = await existingRefIds(store.db, batch[0]!.key.source, batch[0]!.key.kind, batch.map((r) => r.key.externalId));
  const todo = batch.filter((r) => {
    if (known.has(r.key.externalId)) return false;
    known.add(r.key.externalId);
    return true;
  });
  summary.skipped += batch.length - todo.length;
  if (todo.length === 0) return;
  try {
    const moved = await inOneTransaction(store, (bound) => importRows(bound, actor, todo));
    summary.created += todo.length;
    summary.statusChanged += moved;
  } catch {
    for (const row of todo) {
      try {
        const moved = await inOneTransaction(store, (bound) => importRows(bound, actor, [row]));
        summary.created++;
        summary.statusChanged += moved;
      } catch (err) {
        if (!(err instanceof DomainError) || !err.code.startsWith('invalid')) throw err;
        fail(row.line, '', err.message);
      }
    }
  }
}

/** Opens the rows' cases, each with its marker, and moves them to the sheet's status; how many moved. */
async function importRows(store: Store, actor: Actor, rows: readonly ValidRow[]): Promise<number> {
  const at = clock.now().toISOString();
  // An old sheet is history: its cases are not announced, nor their customers surveyed (issue 7).
  const openings: OpenCaseItem[] = rows.map((row) => ({ actor, input: { body: row.body, actorKind: 'integration', quiet: true } }));
  const outcomes = await openCasesTogether(store, openings);
  const opened = outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return Number(outcome.view.id);
  });
  // Each row's marker, in the batch's transaction (one statement): a re-import skips the row.
  await setIntegrationRefs(store.db, rows[0]!.key.source, rows[0]!.key.kind, rows.map((row, i) => ({ externalId: row.key.externalId, entityId: opened[i]! })), at);
  const moves = opened.flatMap((caseId, i) => {
    const status = rows[i]!.status;
    if (!status || status === 'new') return [];
    // Closed rows pass through resolved: the status machine never closes an unresolved case.
    return [{ caseId, path: status === 'closed' ? ['resolved', 'closed'] : [status], reason: 'imported from sheet' }];
  });
  // All of the batch's status moves in a statement per table, in the batch's transaction.
  await changeCaseStatusesTogether(actor, { trx: store.db, dialect: store.dialect, runtime: await loadPolicyRuntime(store), moves, quiet: true });
  return moves.length;
}
