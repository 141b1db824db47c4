import type { Command } from 'commander';
import { CliInputError, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('Load a demo desk: users for every role, customers, orders and ~200 cases')
    .option('--cases <n>', 'how many cases', '200')
    .option('--force', 'load even when the store already has users')
    .action((opts: { cases: string; force?: boolean }) =>
      runCommand(async () => {
        const n = Number(opts.cases);
        if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new CliInputError('--cases: expected a whole number from 1 to 100000');
        const { loadDemo } = await import('../../services/demo/load-demo.js');
        const { countUsers } = await import('../../store/repositories/user.repository.js');
        await withStore(async (store) => {
          if (!opts.force && (await countUsers(store.db)) > 0) {
            throw new CliInputError('the store already has users; use --force to add demo data anyway');
          }
          const summary = await loadDemo(store, { cases: n });
          process.stdout.write(`demo desk loaded: ${summary.cases} cases, ${summary.customers} customers\n`);
          process.stdout.write(`sign in with any of these (password: ${summary.password}):\n`);
          for (const u of summary.users) process.stdout.write(`  ${u.role.padEnd(12)} ${u.email}\n`);
        });
      }),
    );
}
