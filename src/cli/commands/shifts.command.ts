import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { SYSTEM_ACTOR } from '../../services/actor.js';

export function registerShiftCommands(program: Command): void {
  program
    .command('escalations-log')
    .description('The escalations log for a local date (R001-01); CSV with --csv')
    .option('--date <YYYY-MM-DD>', 'local date in the policy time zone (default: today)')
    .option('--csv', 'print CSV instead of a table')
    .option('--json', 'print JSON')
    .action((opts: { date?: string; csv?: boolean; json?: boolean }) =>
      runCommand(async () => {
        const { getEscalationsLog, escalationsLogCsv } = await import('../../services/shifts/get-escalations-log.js');
        await withStore(async (store) => {
          const log = await getEscalationsLog(store, SYSTEM_ACTOR, { ...(opts.date ? { date: opts.date } : {}) });
          if (opts.csv) return void process.stdout.write(escalationsLogCsv(log));
          if (opts.json) return printJson(log);
          process.stdout.write(`escalations ${log.from} – ${log.to} (${log.timeZone}): ${log.rows.length}\n`);
          for (const r of log.rows) {
            process.stdout.write(`${r.at}  case ${r.caseId}  ${r.orderNumber ?? '-'}  ${r.customerName ?? '-'}  ${r.from ?? '?'}→${r.to ?? '?'}  ${r.reason ?? ''}\n`);
          }
        });
      }),
    );

  const handoff = program.command('handoff').description('End-of-shift handoff (R001-12)');
  handoff
    .command('preview')
    .description('What the shift would hand over now: open escalations, promises due, breaches, waiting cases')
    .option('--team <id>')
    .action((opts: { team?: string }) =>
      runCommand(async () => {
        const { previewHandoff } = await import('../../services/shifts/shift-handoff.js');
        if (opts.team !== undefined && !/^\d+$/.test(opts.team)) throw new CliInputError('--team: expected a team id');
        await withStore(async (store) => printJson(await previewHandoff(store, SYSTEM_ACTOR, { team: opts.team })));
      }),
    );
  handoff
    .command('digest')
    .description('Morning digest: what arrived and escalated since the last handoff')
    .option('--team <id>')
    .action((opts: { team?: string }) =>
      runCommand(async () => {
        const { overnightDigest } = await import('../../services/shifts/shift-handoff.js');
        if (opts.team !== undefined && !/^\d+$/.test(opts.team)) throw new CliInputError('--team: expected a team id');
        await withStore(async (store) => printJson(await overnightDigest(store, SYSTEM_ACTOR, { team: opts.team })));
      }),
    );
}
