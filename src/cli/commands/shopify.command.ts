import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';

const STATES = ['waiting', 'expired', 'applied'] as const;

// `ladder shopify parked-returns`: the same service as GET /api/v1/integrations/shopify/parked-returns
// (admins and back office; without --as the operator acts as the system, an admin).
export function registerShopifyCommands(program: Command): void {
  const shopify = program.command('shopify').description('The Shopify integration: returns waiting for an order that has not arrived');

  shopify
    .command('parked-returns')
    .description('Shopify returns that arrived before their order, newest first: waiting (and when they expire), expired, applied')
    .option('--state <state>', `only ${STATES.join(', ')}`)
    .option('--limit <n>', 'how many (1-500)', '50')
    .option('--cursor <cursor>', 'the nextCursor of the previous page (--json)')
    .option('--json', 'print JSON')
    .option('--as <email>', 'act as this user')
    .action((opts: { state?: string; limit: string; cursor?: string; json?: boolean; as?: string }) =>
      runCommand(async () => {
        if (opts.state !== undefined && !(STATES as readonly string[]).includes(opts.state)) {
          throw new CliInputError(`--state: expected one of ${STATES.join(', ')}, got "${opts.state}"`);
        }
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliInputError(`--limit: expected 1 to 500, got "${opts.limit}"`);
        const { listParkedShopifyReturns } = await import('../../services/integrations/list-parked-shopify-returns.js');
        await withStore(async (store, config) => {
          const page = await listParkedShopifyReturns(store, await actorFor(store, opts.as), {
            limit, ...(opts.state !== undefined ? { state: opts.state } : {}), ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}),
          }, { expiryHours: config.shopifyParkedReturnExpiryHours });
          if (opts.json) {
            printJson(page);
            return;
          }
          const c = page.counts;
          process.stdout.write(`waiting ${c.waiting} · expired ${c.expired} · applied ${c.applied}\n`);
          for (const p of page.items) {
            const waitsFor = p.shopifyOrderId !== null ? `order ${p.shopifyOrderId}` : `return ${p.returnId}`;
            const when = p.state === 'waiting' ? `expires ${p.expiresAt}` : p.state === 'expired' ? `expired ${p.expiredAt}` : `applied ${p.appliedAt}`;
            process.stdout.write(`${p.id.padStart(8)}  ${p.state.padEnd(7)}  ${p.topic.padEnd(36)}  ${waitsFor}  parked ${p.parkedAt}  ${when}  ${p.deliveryId}\n`);
          }
          if (page.nextCursor !== null) process.stdout.write(`more: --cursor ${page.nextCursor}\n`);
        });
      }),
    );
}
