import type { Command } from 'commander';
import { printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';

// `ladder finance entries|record|move|tracker`: the refunds/reshipments form and the yearly refunds
// tracker (R000-09). `--as EMAIL` acts as that user (four eyes counts them); without it, the system.

export function registerFinanceCommands(program: Command): void {
  const finance = program.command('finance').description('Refunds/reshipments form and the refunds tracker (R000-09)');

  finance
    .command('entries')
    .description('Refunds and reshipments on the form, newest first, as JSON')
    .option('--state <states>', 'comma-separated: pending_approval, approved, rejected, performed')
    .option('--kind <kind>', 'refund or reshipment')
    .option('--limit <n>', 'at most this many', '50')
    .option('--as <email>', 'act as this user')
    .action((opts: { state?: string; kind?: string; limit: string; as?: string }) =>
      runCommand(async () => {
        const { listFinanceEntriesView } = await import('../../services/finance/finance-entries.js');
        await withStore(async (store) => printJson(await listFinanceEntriesView(store, await actorFor(store, opts.as), { state: opts.state, kind: opts.kind, limit: opts.limit })));
      }),
    );

  finance
    .command('record')
    .description('Record a refund or reshipment; a refund over the approval threshold waits for a supervisor (R004-08)')
    .requiredOption('--kind <kind>', 'refund or reshipment')
    .requiredOption('--amount <decimal>', 'amount in the currency, e.g. 129.00')
    .requiredOption('--currency <code>', 'ISO 4217 code, e.g. EUR')
    .requiredOption('--method <method>', 'refund: original_payment, store_credit, bank_transfer, paypal, voucher; reshipment: same_carrier, other_carrier, store_pickup')
    .requiredOption('--reason <text>', 'why')
    .option('--case <id>', 'the case it belongs to')
    .option('--order <number>', 'the order number')
    .option('--note <text>', 'a note')
    .option('--as <email>', 'act as this user')
    .action((opts: { kind: string; amount: string; currency: string; method: string; reason: string; case?: string; order?: string; note?: string; as?: string }) =>
      runCommand(async () => {
        const { recordFinanceEntry } = await import('../../services/finance/finance-entries.js');
        await withStore(async (store) => printJson(await recordFinanceEntry(store, await actorFor(store, opts.as), {
          kind: opts.kind, amount: opts.amount, currency: opts.currency, method: opts.method, reason: opts.reason,
          caseId: opts.case, orderNumber: opts.order, note: opts.note,
        })));
      }),
    );

  finance
    .command('move')
    .description('Approve, reject or mark performed')
    .argument('<id>', 'entry id')
    .argument('<state>', 'approved, rejected or performed')
    .option('--reference <text>', 'payment, voucher or tracking reference (when performed)')
    .option('--note <text>', 'why')
    .option('--as <email>', 'act as this user')
    .action((id: string, state: string, opts: { reference?: string; note?: string; as?: string }) =>
      runCommand(async () => {
        const { moveFinanceEntry } = await import('../../services/finance/finance-entries.js');
        await withStore(async (store) => printJson(await moveFinanceEntry(store, await actorFor(store, opts.as), { id, to: state, reference: opts.reference, note: opts.note })));
      }),
    );

  finance
    .command('tracker')
    .description('Refunds tracker of a year: per month with totals, large refunds listed apart')
    .option('--year <year>', 'the year (default this one)')
    .option('--csv', 'print CSV')
    .option('--as <email>', 'act as this user')
    .action((opts: { year?: string; csv?: boolean; as?: string }) =>
      runCommand(async () => {
        const { refundsTracker, refundsTrackerCsv } = await import('../../services/finance/refunds-tracker.js');
        await withStore(async (store) => {
          const tracker = await refundsTracker(store, await actorFor(store, opts.as), { year: opts.year });
          if (opts.csv) process.stdout.write(refundsTrackerCsv(tracker));
          else printJson(tracker);
        });
      }),
    );
}
