import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';
import type { Store } from '../../store/database.js';
import type { Actor } from '../../services/actor.js';
import type { RmaView } from '../../services/returns/rma-view.js';

// The RMA moves after the decision, mirroring POST /api/v1/rmas/:number/<move> (R004-05..R004-07,
// R001-08): label-sent, in-transit, receive, inspect, refund, credit, cancel. Each prints the RMA
// as JSON; bad input is exit 2 with one stderr line naming the option.

type Move = (store: Store, actor: Actor, input: { number: unknown; body?: unknown }) => Promise<RmaView>;

/** The option a body field came from, so an error names what the operator typed. */
const OPTION_OF: Record<string, string> = {
  trackingNumber: '--tracking', carrier: '--carrier', outcome: '--outcome', conditionFound: '--condition',
  lines: '--line', amount: '--amount', note: '--note', reason: '--reason',
};

async function runMove(number: string, as: string | undefined, body: Record<string, unknown>, load: () => Promise<Move>): Promise<void> {
  const move = await load();
  const { DomainError } = await import('../../domain/errors.js');
  await withStore(async (store) => {
    try {
      printJson(await move(store, await actorFor(store, as), { number, body }));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'invalid_input' && err.field) {
        const option = OPTION_OF[err.field.replace(/\[.*$/, '')] ?? err.field;
        const message = err.message.startsWith(`${err.field}: `) ? err.message.slice(err.field.length + 2) : err.message;
        throw new CliInputError(`${option}: ${message}`);
      }
      throw err;
    }
  });
}

const OUTCOMES = ['resellable', 'damaged'];
const CONDITIONS = ['unopened', 'opened', 'damaged', 'defective'];

function oneOf(option: string, value: string, allowed: string[]): string {
  if (!allowed.includes(value)) throw new CliInputError(`${option}: expected one of ${allowed.join(', ')}, got "${value}"`);
  return value;
}

/** `--line SKU=OUTCOME[:CONDITION]`, e.g. `--line EAR-01=damaged:defective`. */
function parseLine(raw: string): { sku: string; outcome: string; conditionFound?: string } {
  const match = /^([^=]+)=([a-z_]+)(?::([a-z_]+))?$/.exec(raw.trim());
  if (!match) throw new CliInputError(`--line: expected SKU=OUTCOME[:CONDITION], got "${raw}"`);
  const [, sku = '', outcome = '', condition] = match;
  return { sku, outcome: oneOf('--line', outcome, OUTCOMES), ...(condition ? { conditionFound: oneOf('--line', condition, CONDITIONS) } : {}) };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const text = (key: string, value: string | undefined) => (value === undefined ? {} : { [key]: value });

export function registerRmaMoveCommands(rma: Command): void {
  rma
    .command('label-sent')
    .description('The return label was emailed to the customer (R004-07)')
    .argument('<number>', 'RMA number')
    .option('--tracking <number>', 'the return tracking number')
    .option('--carrier <name>', 'the carrier')
    .option('--as <email>', 'the acting user')
    .action((number: string, o: { tracking?: string; carrier?: string; as?: string }) => runCommand(() => runMove(
      number, o.as, { ...text('trackingNumber', o.tracking), ...text('carrier', o.carrier) },
      async () => (await import('../../services/returns/mark-label-sent.js')).markLabelSent,
    )));

  rma
    .command('in-transit')
    .description('The parcel is on its way back')
    .argument('<number>', 'RMA number')
    .option('--tracking <number>', 'the tracking number, when it changed')
    .option('--as <email>', 'the acting user')
    .action((number: string, o: { tracking?: string; as?: string }) => runCommand(() => runMove(
      number, o.as, text('trackingNumber', o.tracking),
      async () => (await import('../../services/returns/mark-in-transit.js')).markInTransit,
    )));

  rma
    .command('receive')
    .description('The parcel arrived; processing is due in 3–5 business days (R004-05)')
    .argument('<number>', 'RMA number')
    .option('--note <text>', 'what arrived')
    .option('--as <email>', 'the acting user')
    .action((number: string, o: { note?: string; as?: string }) => runCommand(() => runMove(
      number, o.as, text('note', o.note),
      async () => (await import('../../services/returns/receive-rma.js')).receiveRma,
    )));

  rma
    .command('inspect')
    .description('Inspect what came back: resellable → restock, damaged → returns area (R001-08)')
    .argument('<number>', 'RMA number')
    .option('--outcome <outcome>', 'resellable or damaged, for every line')
    .option('--condition <condition>', 'the condition found, for every line: unopened, opened, damaged, defective')
    .option('--line <sku=outcome[:condition]>', 'one line\'s verdict (repeatable), e.g. EAR-01=damaged:defective', collect)
    .option('--note <text>', 'a note on the inspection')
    .option('--as <email>', 'the acting user')
    .action((number: string, o: { outcome?: string; condition?: string; line?: string[]; note?: string; as?: string }) => runCommand(() => {
      if (o.condition !== undefined && o.outcome === undefined) throw new CliInputError('--condition: goes with --outcome (use --line SKU=OUTCOME:CONDITION per line)');
      if (o.outcome === undefined && (o.line ?? []).length === 0) throw new CliInputError('--outcome: required (or one --line per returned line)');
      const body: Record<string, unknown> = {
        ...(o.outcome !== undefined ? { outcome: oneOf('--outcome', o.outcome, OUTCOMES) } : {}),
        ...(o.condition !== undefined ? { conditionFound: oneOf('--condition', o.condition, CONDITIONS) } : {}),
        ...((o.line ?? []).length > 0 ? { lines: o.line!.map(parseLine) } : {}),
        ...text('note', o.note),
      };
      return runMove(number, o.as, body, async () => (await import('../../services/returns/inspect-rma.js')).inspectRma);
    }));

  const payOut: [string, string, () => Promise<Move>][] = [
    ['refund', 'Refund to the original payment method (R004-06); the quoted amount unless --amount',
      async () => (await import('../../services/returns/refund-rma.js')).refundRma],
    ['credit', 'Pay as store credit with the policy bonus (R004-12); the quoted amount unless --amount',
      async () => (await import('../../services/returns/credit-rma.js')).creditRma],
  ];
  for (const [name, description, load] of payOut) {
    rma
      .command(name)
      .description(description)
      .argument('<number>', 'RMA number')
      .option('--amount <decimal>', 'the amount, e.g. "179.58" (over the quote needs a supervisor)')
      .option('--note <text>', 'why, when the amount differs')
      .option('--as <email>', 'the acting user')
      .action((number: string, o: { amount?: string; note?: string; as?: string }) => runCommand(() => runMove(
        number, o.as, { ...text('amount', o.amount), ...text('note', o.note) }, load,
      )));
  }

  rma
    .command('cancel')
    .description('Cancel a return before it is received')
    .argument('<number>', 'RMA number')
    .requiredOption('--reason <text>', 'why')
    .option('--as <email>', 'the acting user')
    .action((number: string, o: { reason: string; as?: string }) => runCommand(() => runMove(
      number, o.as, { reason: o.reason },
      async () => (await import('../../services/returns/cancel-rma.js')).cancelRma,
    )));
}
