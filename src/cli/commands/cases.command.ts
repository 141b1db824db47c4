import type { Command } from 'commander';
import { CliInputError, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { writeCsvLines } from '../cli-csv.js';
import { actorFor } from './cli-actor.js';

// `ladder cases export` (issue 7 item 4): every case matching the filters of GET /api/v1/cases, as
// the CSV that `GET /cases?format=csv` streams — same service, same role scoping (`--as`).

export function registerCasesCommands(program: Command): void {
  const cases = program.commands.find((c) => c.name() === 'cases') ?? program.command('cases').description('Cases');
  cases
    .command('export')
    .description('Every matching case as CSV on stdout (filters as GET /api/v1/cases)')
    .option('--status <list>', 'comma-separated statuses')
    .option('--priority <list>', 'comma-separated priorities')
    .option('--level <list>', 'comma-separated levels')
    .option('--category <list>', 'comma-separated categories')
    .option('--assignee <id>', 'a user id, "me" or "none"')
    .option('--team <id>', 'a team id or "none"')
    .option('--escalated <bool>', 'true or false')
    .option('--open <bool>', 'true or false')
    .option('--customer <id>', 'external customer id (linked accounts included)')
    .option('--order <number>', 'order number')
    .option('--q <text>', 'search text')
    .option('--created-from <iso>', 'created at or after')
    .option('--created-to <iso>', 'created before')
    .option('--sort <sort>', 'created, updated, due or priority')
    .option('--as <email>', 'act as this user (their role decides what is exported)')
    .action((opts: Record<string, string | undefined>) =>
      runCommand(async () => {
        const bool = (name: string, value: string | undefined) => {
          if (value === undefined) return undefined;
          if (value !== 'true' && value !== 'false') throw new CliInputError(`--${name}: expected true or false, got "${value}"`);
          return value === 'true';
        };
        const { createdFrom, createdTo, as, escalated, open, ...rest } = opts;
        const query: Record<string, unknown> = { ...rest };
        if (createdFrom !== undefined) query.createdFrom = createdFrom;
        if (createdTo !== undefined) query.createdTo = createdTo;
        const esc = bool('escalated', escalated);
        if (esc !== undefined) query.escalated = esc;
        const isOpen = bool('open', open);
        if (isOpen !== undefined) query.open = isOpen;
        for (const key of Object.keys(query)) if (query[key] === undefined) delete query[key];
        const { exportCases } = await import('../../services/exports/list-exports.js');
        await withStore(async (store) => {
          await writeCsvLines((await exportCases(store, await actorFor(store, as), query)).lines);
        });
      }),
    );
}
