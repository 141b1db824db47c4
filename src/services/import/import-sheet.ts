// Import a team's existing sheet (escalations log, problem orders, chargebacks, refunds tracker)
// as cases (issue 7 item 4). Rows stream through one at a time: nothing here holds the sheet, so a
// million rows import in bounded memory; only the first `maxReportedErrors` row errors are kept.
//
// Each row opens its case through openCase (one transaction per row, the use case's own), then
// moves to the status the sheet records. Re-importing is idempotent: a marker per row (sheet
// source + content hash) in integration_refs points at the case it opened and is checked first.
import type { Store } from '../../store/database.js';
import type { CsvRecord } from '../../integrations/csv/csv-reader.js';
import { findIntegrationRef, setIntegrationRef, type IntegrationRefKey } from '../../store/repositories/webhook-delivery.repository.js';
import { DomainError } from '../../domain/errors.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadPolicyRuntime } from '../policy/load-policy-runtime.js';
import { parseOpenCaseRequest } from '../cases/open-case-input.js';
import { openCase } from '../cases/open-case.js';
import { changeCaseStatus } from '../cases/change-case-status.js';
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
}

export function formatRowError(e: RowError): string {
  return `line ${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

export async function importSheet(store: Store, actor: Actor, input: ImportSheetInput): Promise<ImportSummary> {
  requirePermission(actor, 'cases.create');
  const { mapping, dryRun } = input;
  const keep = input.maxReportedErrors ?? 1000;
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
        // The same validation openCase runs, so a dry run finds what a real run would reject.
        parseOpenCaseRequest(mapped.body, runtime);
        if (!dryRun) await importRow(store, actor, mapping, record, mapped.body, mapped.status, summary);
      } catch (err) {
        if (!(err instanceof DomainError) || !err.code.startsWith('invalid')) throw err;
        fail(record.line, '', err.message);
      }
    }
    input.onProgress?.(summary);
  }
  return summary;
}

async function importRow(
  store: Store, actor: Actor, mapping: ImportMapping, record: CsvRecord, body: Record<string, unknown>,
  status: string | null, summary: ImportSummary,
): Promise<void> {
  const key: IntegrationRefKey = { source: IMPORT_REF_SOURCE, kind: `sheet:${mapping.source}`, externalId: rowKey(mapping, record.fields) };
  if ((await findIntegrationRef(store.db, key)) !== undefined) {
    summary.skipped++;
    return;
  }
  // An old sheet is history: its cases are not announced, nor their customers surveyed (issue 7).
  const opened = await openCase(store, actor, { body, actorKind: 'integration', quiet: true });
  // The marker is written after the case commits: a crash between the two re-imports that one row
  // (a duplicate case) rather than losing it. One importer runs per sheet.
  await setIntegrationRef(store.db, key, Number(opened.id), clock.now().toISOString());
  summary.created++;
  if (status && status !== 'new') {
    // Closed rows pass through resolved: the status machine never closes an unresolved case.
    const path = status === 'closed' ? ['resolved', 'closed'] : [status];
    for (const to of path) await changeCaseStatus(store, actor, { caseId: opened.id, status: to, reason: 'imported from sheet', quiet: true });
    summary.statusChanged++;
  }
}
