import type { Command } from 'commander';
import { CliInputError, EXIT_BAD_INPUT, EXIT_OK, readInputText, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { SYSTEM_ACTOR } from '../../services/actor.js';

interface ImportOptions {
  mapping: string;
  dryRun?: boolean;
  progress?: boolean;
}

/** `ladder import FILE.csv --mapping MAP.yaml [--dry-run]` (issue 7 item 4). */
export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description("Import a team's sheet (escalations log, problem orders, chargebacks, refunds) as cases")
    .argument('<file>', 'the sheet as CSV')
    .requiredOption('--mapping <file>', 'the column-mapping YAML file')
    .option('--dry-run', 'check every row and report errors by line; write nothing')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .action((file: string, opts: ImportOptions) =>
      runCommand(async () => {
        const { createReadStream } = await import('node:fs');
        const { readCsv, CsvParseError } = await import('../../integrations/csv/csv-reader.js');
        const { parseImportMapping, ImportMappingError } = await import('../../services/import/import-mapping.js');
        const { importSheet, formatRowError } = await import('../../services/import/import-sheet.js');
        let mapping;
        try {
          mapping = parseImportMapping(readInputText(opts.mapping), opts.mapping);
        } catch (err) {
          if (err instanceof ImportMappingError) throw new CliInputError(err.message);
          throw err;
        }
        const progress = opts.progress || process.stderr.isTTY ? progressLine() : null;
        const summary = await withStore(async (store) => {
          const input = createReadStream(file, { highWaterMark: 256 * 1024 });
          try {
            return await importSheet(store, SYSTEM_ACTOR, {
              records: readCsv(input),
              mapping,
              dryRun: opts.dryRun === true,
              ...(progress ? { onProgress: progress.update } : {}),
            });
          } catch (err) {
            if (err instanceof ImportMappingError) throw new CliInputError(err.message);
            if (err instanceof CsvParseError) throw new CliInputError(`${file}: ${err.message}`);
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliInputError(`${file}: cannot read (ENOENT)`);
            throw err;
          } finally {
            progress?.finish();
            input.destroy();
          }
        });
        for (const e of summary.errors) process.stdout.write(`${file}: ${formatRowError(e)}\n`);
        if (summary.errorsNotShown > 0) process.stdout.write(`${file}: … and ${summary.errorsNotShown} more row errors\n`);
        const what = summary.dryRun
          ? `dry run: ${summary.rows} rows, ${summary.rows - summary.invalid} valid, ${summary.invalid} with errors; nothing written`
          : `imported: ${summary.rows} rows, ${summary.created} cases opened, ${summary.statusChanged} moved to their sheet status, ${summary.skipped} already imported, ${summary.invalid} with errors`;
        process.stdout.write(`${summary.sheet} (${summary.source}) ${what}\n`);
        return summary.invalid > 0 ? EXIT_BAD_INPUT : EXIT_OK;
      }),
    );
}

/** One stderr line rewritten at most five times a second: rows done and the rate. */
function progressLine() {
  const started = Date.now();
  let last = 0;
  let shown = false;
  const render = (p: { rows: number; invalid: number; created: number; skipped: number }) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    process.stderr.write(`\r${p.rows} rows  ${Math.round(p.rows / seconds)} rows/s  ${p.created} opened  ${p.skipped} skipped  ${p.invalid} errors `);
    shown = true;
  };
  let latest: { rows: number; invalid: number; created: number; skipped: number } | null = null;
  return {
    update(p: { rows: number; invalid: number; created: number; skipped: number }) {
      latest = p;
      const now = Date.now();
      if (now - last >= 200) {
        last = now;
        render(p);
      }
    },
    finish() {
      if (latest) render(latest);
      if (shown) process.stderr.write('\n');
    },
  };
}
