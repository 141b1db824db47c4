import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';

// `ladder webhooks add|list|show|disable|enable|remove|test|deliveries|redeliver` (issue 7 item 5):
// the same services as /api/v1/webhooks, admins only (without --as the operator acts as the system,
// an admin). `add` prints the signing secret once; nothing else ever prints it.

const asId = (value: string, name: string): string => {
  if (!/^\d{1,15}$/.test(value)) throw new CliInputError(`${name}: expected a numeric id, got "${value}"`);
  return value;
};

export function registerWebhooksCommands(program: Command): void {
  const webhooks = program.command('webhooks').description('Outgoing webhooks for case events: endpoints, tests and delivery logs (admins)');

  webhooks
    .command('add')
    .description('Register an endpoint; prints it with its signing secret (shown this once)')
    .argument('<url>', 'http(s) URL that receives the POSTs')
    .option('--events <list>', 'comma-separated events, or * for all', '*')
    .option('--description <text>', 'what the endpoint is for')
    .option('--include-restricted', 'also send events about chargeback and fraud cases')
    .option('--secret <secret>', 'use this signing secret (16+ characters) instead of a generated one')
    .option('--as <email>', 'act as this user')
    .action((url: string, opts: { events: string; description?: string; includeRestricted?: boolean; secret?: string; as?: string }) =>
      runCommand(async () => {
        const { addWebhookEndpoint } = await import('../../services/notifications/webhook-endpoints.js');
        await withStore(async (store) => printJson(await addWebhookEndpoint(store, await actorFor(store, opts.as), {
          url, events: opts.events,
          ...(opts.description !== undefined ? { description: opts.description } : {}),
          ...(opts.includeRestricted ? { includeRestricted: true } : {}),
          ...(opts.secret !== undefined ? { secret: opts.secret } : {}),
        })));
      }),
    );

  webhooks
    .command('list')
    .description('Endpoints as JSON (never their secrets)')
    .option('--as <email>', 'act as this user')
    .action((opts: { as?: string }) =>
      runCommand(async () => {
        const { listWebhookEndpointViews } = await import('../../services/notifications/webhook-endpoints.js');
        await withStore(async (store) => printJson(await listWebhookEndpointViews(store, await actorFor(store, opts.as))));
      }),
    );

  for (const [name, active] of [['enable', true], ['disable', false]] as const) {
    webhooks
      .command(name)
      .description(active ? 'Start sending to the endpoint again' : 'Stop sending to the endpoint (its pending deliveries fail)')
      .argument('<id>', 'endpoint id')
      .option('--as <email>', 'act as this user')
      .action((id: string, opts: { as?: string }) =>
        runCommand(async () => {
          const { setWebhookEndpointEnabled } = await import('../../services/notifications/webhook-endpoints.js');
          await withStore(async (store) => printJson(await setWebhookEndpointEnabled(store, await actorFor(store, opts.as), asId(id, 'id'), active)));
        }),
      );
  }

  webhooks
    .command('remove')
    .description('Delete an endpoint (its delivery log stays)')
    .argument('<id>', 'endpoint id')
    .option('--as <email>', 'act as this user')
    .action((id: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { removeWebhookEndpoint } = await import('../../services/notifications/webhook-endpoints.js');
        await withStore(async (store) => removeWebhookEndpoint(store, await actorFor(store, opts.as), asId(id, 'id')));
      }),
    );

  webhooks
    .command('test')
    .description('Send a signed webhook.test ping now; exit 1 when the receiver did not answer 2xx')
    .argument('<id>', 'endpoint id')
    .option('--as <email>', 'act as this user')
    .action((id: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { testWebhookEndpoint } = await import('../../services/notifications/webhook-deliveries.js');
        const { createWebhookSender } = await import('../../integrations/webhooks/webhook-sender.js');
        return withStore(async (store) => {
          const result = await testWebhookEndpoint(store, await actorFor(store, opts.as), { id: asId(id, 'id') }, createWebhookSender());
          printJson(result);
          return result.ok ? 0 : 1;
        });
      }),
    );

  webhooks
    .command('deliveries')
    .description('The endpoint\'s delivery log, newest first')
    .argument('<id>', 'endpoint id')
    .option('--state <state>', 'pending, sent or dead')
    .option('--limit <n>', 'how many (1-500)', '50')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .option('--as <email>', 'act as this user')
    .action((id: string, opts: { state?: string; limit: string; cursor?: string; as?: string }) =>
      runCommand(async () => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliInputError(`--limit: expected 1 to 500, got "${opts.limit}"`);
        const { listWebhookDeliveries } = await import('../../services/notifications/webhook-deliveries.js');
        await withStore(async (store) => printJson(await listWebhookDeliveries(store, await actorFor(store, opts.as), {
          id: asId(id, 'id'), limit, ...(opts.state !== undefined ? { state: opts.state } : {}), ...(opts.cursor !== undefined ? { cursor: opts.cursor } : {}),
        })));
      }),
    );

  webhooks
    .command('redeliver')
    .description('Send a sent or dead delivery again (same delivery id)')
    .argument('<id>', 'endpoint id')
    .argument('<delivery>', 'delivery id from `ladder webhooks deliveries`')
    .option('--as <email>', 'act as this user')
    .action((id: string, delivery: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { redeliverWebhook } = await import('../../services/notifications/webhook-deliveries.js');
        await withStore(async (store) => printJson(await redeliverWebhook(store, await actorFor(store, opts.as), { id: asId(id, 'id'), deliveryId: asId(delivery, 'delivery') })));
      }),
    );
}
