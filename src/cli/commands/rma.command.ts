import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';
import { registerRmaMoveCommands } from './rma-moves.command.js';

// `ladder returns rma list|show|approve|deny` (and the moves of rma-moves.command.ts): RMAs against the configured store (issue 6 item 5).
// Who acts: `--as EMAIL` names a user, whose role and identity apply (four eyes counts them); without
// it the operator acts as the system, which reads everything but cannot be the second pair of eyes.

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new CliInputError(`--limit: expected a whole number from 1 to 500, got "${value}"`);
  return n;
}

export function registerRmaCommands(program: Command): void {
  const returns = program.commands.find((c) => c.name() === 'returns') ?? program.command('returns').description('Returns (R004)');
  const rma = returns.command('rma').description('Return authorisations (RMAs) in the store');

  rma
    .command('list')
    .description('RMAs, newest first')
    .option('--state <states>', 'comma-separated states (requested, approved, label_sent, …)')
    .option('--order <number>', 'only this order')
    .option('--awaiting-approval', 'only those waiting for a supervisor (R004-08)')
    .option('--due-before <instant>', 'due at or before this ISO instant, or "now"')
    .option('--limit <n>', 'at most this many', '50')
    .option('--as <email>', 'act as this user')
    .option('--json', 'print JSON')
    .action((opts: { state?: string; order?: string; awaitingApproval?: boolean; dueBefore?: string; limit: string; as?: string; json?: boolean }) =>
      runCommand(async () => {
        const limit = parseLimit(opts.limit);
        const { listRmas } = await import('../../services/returns/list-rmas.js');
        await withStore(async (store) => {
          const page = await listRmas(store, await actorFor(store, opts.as), {
            limit,
            ...(opts.state ? { state: opts.state } : {}),
            ...(opts.order ? { order: opts.order } : {}),
            ...(opts.awaitingApproval ? { awaitingApproval: true } : {}),
            ...(opts.dueBefore ? { dueBefore: opts.dueBefore } : {}),
          });
          if (opts.json) return printJson(page);
          for (const r of page.items) {
            const due = r.dueAt ? `due ${r.dueKind} ${r.dueAt}` : '';
            const approval = r.approvalRequired && r.state === 'requested' ? 'needs approval' : '';
            process.stdout.write(`${r.number}  ${r.state.padEnd(10)}  ${r.order.number.padEnd(20)}  ${r.reason.padEnd(13)}  ${String(r.refundTotal).padStart(9)} ${r.currency}  ${[approval, due].filter(Boolean).join('  ')}\n`);
          }
        });
      }),
    );

  rma
    .command('show')
    .description('One RMA as JSON: quote, items, due times, money movements')
    .argument('<number>', 'RMA number, e.g. RMA-20261120-7KQ3')
    .option('--as <email>', 'act as this user')
    .action((number: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { getRma } = await import('../../services/returns/get-rma.js');
        await withStore(async (store) => printJson(await getRma(store, await actorFor(store, opts.as), { number })));
      }),
    );

  rma
    .command('approve')
    .description('Approve a requested return; one that needs a supervisor needs --as a supervisor other than the requester')
    .argument('<number>', 'RMA number')
    .option('--as <email>', 'the approving user')
    .option('--note <text>', 'why (required for a policy exception)')
    .action((number: string, opts: { as?: string; note?: string }) =>
      runCommand(async () => {
        const { approveRma } = await import('../../services/returns/approve-rma.js');
        await withStore(async (store) => printJson(await approveRma(store, await actorFor(store, opts.as), { number, body: opts.note ? { note: opts.note } : {} })));
      }),
    );

  rma
    .command('deny')
    .description('Deny a requested return with the reason the customer is given')
    .argument('<number>', 'RMA number')
    .requiredOption('--reason <text>', 'why')
    .option('--as <email>', 'the deciding user')
    .action((number: string, opts: { as?: string; reason: string }) =>
      runCommand(async () => {
        const { denyRma } = await import('../../services/returns/deny-rma.js');
        await withStore(async (store) => printJson(await denyRma(store, await actorFor(store, opts.as), { number, body: { reason: opts.reason } })));
      }),
    );

  registerRmaMoveCommands(rma);
}
