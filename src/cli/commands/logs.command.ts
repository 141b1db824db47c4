import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import type { Store } from '../../store/database.js';
import type { Actor } from '../../services/actor.js';

// `ladder logs types|show|open|set|move|assign-supplier|queue|discrepancies`: case log entries against the
// configured store (issue 5). `--as EMAIL` acts as that user, whose role decides what may be seen
// and done (the supplier sees its queue only); without it the operator acts as the system.

async function actorFor(store: Store, email: string | undefined): Promise<Actor> {
  const { SYSTEM_ACTOR } = await import('../../services/actor.js');
  if (email === undefined) return SYSTEM_ACTOR;
  const { findUserByEmail } = await import('../../store/repositories/user.repository.js');
  const { isRole } = await import('../../domain/access/roles.js');
  const user = await findUserByEmail(store.db, email.trim().toLowerCase());
  if (!user || user.disabledAt !== null || !isRole(user.role)) throw new CliInputError(`--as: no active user ${email}`);
  return { id: user.id, role: user.role, teamId: user.teamId, email: user.email };
}

const collect = (pair: string, previous: string[]): string[] => [...previous, pair];

/**
 * `--field key=value`, repeatable: the value is JSON when it parses (numbers, true, lists), text
 * otherwise. Parsed inside the command so a bad pair is one stderr line and exit 2.
 */
function parseFields(pairs: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliInputError(`--field: expected key=value, got "${pair}"`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    if (/^\s*(\[|\{|"|-?\d|true\b|false\b|null\b)/.test(raw)) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    fields[pair.slice(0, eq).trim()] = value;
  }
  return fields;
}

const fieldOption = ['--field <key=value>', 'a field value (repeatable); JSON values allowed, e.g. alternatives=["A","B"]'] as const;

export function registerLogsCommands(program: Command): void {
  const logs = program.command('logs').description('Case log entries: templates, queues, fields and moves (issue 5)');

  logs
    .command('types')
    .description('The log types with their fields, states and moves')
    .option('--as <email>', 'as this user (the supplier sees its types only)')
    .option('--json', 'print JSON')
    .action((opts: { as?: string; json?: boolean }) =>
      runCommand(async () => {
        const { describeLogTypes } = await import('../../domain/logs/describe-log-types.js');
        const role = opts.as === undefined ? 'admin' : await withStore(async (store) => (await actorFor(store, opts.as)).role);
        const types = describeLogTypes(role);
        if (opts.json) return printJson({ types });
        for (const t of types) {
          process.stdout.write(`${t.key.padEnd(18)} ${t.label}  [${t.rules.join(', ')}]\n`);
          process.stdout.write(`  states: ${t.states.map((s) => s.key).join(' → ')}\n`);
          process.stdout.write(`  fields: ${t.fields.map((f) => `${f.key}${f.requiredAtOpen ? '*' : ''}:${f.type}`).join(', ')}\n`);
        }
      }),
    );

  logs
    .command('show')
    .description('A case\'s log entry as JSON, with its next moves and what each needs')
    .argument('<caseId>', 'case id')
    .option('--as <email>', 'act as this user')
    .action((caseId: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { getLogEntry } = await import('../../services/logs/get-log-entry.js');
        await withStore(async (store) => printJson(await getLogEntry(store, await actorFor(store, opts.as), { caseId })));
      }),
    );

  logs
    .command('open')
    .description('Log a case with a template')
    .argument('<caseId>', 'case id')
    .requiredOption('--type <type>', 'log type (see `ladder logs types`)')
    .option(...fieldOption, collect, [] as string[])
    .option('--as <email>', 'act as this user')
    .action((caseId: string, opts: { type: string; field: string[]; as?: string }) =>
      runCommand(async () => {
        const { openLogEntry } = await import('../../services/logs/open-log-entry.js');
        await withStore(async (store) => printJson(await openLogEntry(store, await actorFor(store, opts.as), { caseId, type: opts.type, fields: parseFields(opts.field) })));
      }),
    );

  logs
    .command('set')
    .description('Fill in or correct fields of a case\'s log entry (value null clears)')
    .argument('<caseId>', 'case id')
    .option(...fieldOption, collect, [] as string[])
    .option('--as <email>', 'act as this user')
    .action((caseId: string, opts: { field: string[]; as?: string }) =>
      runCommand(async () => {
        const fields = parseFields(opts.field);
        if (Object.keys(fields).length === 0) throw new CliInputError('--field: give at least one key=value');
        const { updateLogFields } = await import('../../services/logs/update-log-fields.js');
        await withStore(async (store) => printJson(await updateLogFields(store, await actorFor(store, opts.as), { caseId, fields })));
      }),
    );

  logs
    .command('move')
    .description('Move a case\'s log entry to another state')
    .argument('<caseId>', 'case id')
    .argument('<state>', 'target state')
    .option('--note <text>', 'why (required for some moves, e.g. cancelling)')
    .option('--as <email>', 'act as this user')
    .action((caseId: string, state: string, opts: { note?: string; as?: string }) =>
      runCommand(async () => {
        const { moveLogState } = await import('../../services/logs/move-log-state.js');
        await withStore(async (store) => printJson(await moveLogState(store, await actorFor(store, opts.as), { caseId, to: state, ...(opts.note !== undefined ? { note: opts.note } : {}) })));
      }),
    );

  logs
    .command('assign-supplier')
    .description('Hand a case\'s log entry to a supplier team\'s queue (only that team\'s suppliers see it); --none takes it back')
    .argument('<caseId>', 'case id')
    .argument('[team]', 'key of a team of kind supplier')
    .option('--none', 'take the entry back from its supplier team')
    .option('--as <email>', 'act as this user')
    .action((caseId: string, team: string | undefined, opts: { none?: boolean; as?: string }) =>
      runCommand(async () => {
        if ((team === undefined) === (opts.none !== true)) throw new CliInputError('team: give a supplier team key or --none, not both');
        const { assignLogSupplierTeam } = await import('../../services/logs/assign-log-supplier-team.js');
        await withStore(async (store) => printJson(await assignLogSupplierTeam(store, await actorFor(store, opts.as), { caseId, team: team ?? null })));
      }),
    );

  logs
    .command('queue')
    .description('Log entries waiting, due first')
    .option('--type <type>', 'only this log type')
    .option('--state <states>', 'comma-separated states')
    .option('--waiting-on <queue>', 'agents, back_office, supplier or store')
    .option('--sku <sku>', 'only entries for this SKU')
    .option('--all', 'include closed entries')
    .option('--limit <n>', 'at most this many', '50')
    .option('--as <email>', 'act as this user')
    .option('--json', 'print JSON')
    .option('--csv', 'every matching entry as CSV (--limit ignored), the columns the role may see (issue 7 item 4)')
    .action((opts: { type?: string; state?: string; waitingOn?: string; sku?: string; all?: boolean; limit: string; as?: string; json?: boolean; csv?: boolean }) =>
      runCommand(async () => {
        const { listLogQueueView } = await import('../../services/logs/list-log-queue.js');
        await withStore(async (store) => {
          if (opts.csv) {
            const { exportLogQueue } = await import('../../services/exports/list-exports.js');
            const { writeCsvLines } = await import('../cli-csv.js');
            const filters = { type: opts.type, state: opts.state, waitingOn: opts.waitingOn, sku: opts.sku, includeClosed: opts.all === true };
            return writeCsvLines((await exportLogQueue(store, await actorFor(store, opts.as), filters)).lines);
          }
          const page = await listLogQueueView(store, await actorFor(store, opts.as), {
            type: opts.type, state: opts.state, waitingOn: opts.waitingOn, sku: opts.sku, includeClosed: opts.all === true, limit: opts.limit,
          });
          if (opts.json) return printJson(page);
          for (const i of page.items) {
            process.stdout.write(`case ${i.caseId.padEnd(6)} ${i.type.padEnd(18)} ${i.state.padEnd(22)} ${(i.waitingOn ?? '-').padEnd(12)} ${i.orderNumber ?? ''}${i.dueAt ? `  due ${i.dueAt}${i.overdue ? ' OVERDUE' : ''}` : ''}\n`);
          }
        });
      }),
    );

  logs
    .command('discrepancies')
    .description('Inventory discrepancy report: out-of-stock entries per SKU (R001-06)')
    .option('--from <instant>', 'opened at or after')
    .option('--to <instant>', 'opened before')
    .option('--csv', 'print CSV')
    .option('--as <email>', 'act as this user')
    .action((opts: { from?: string; to?: string; csv?: boolean; as?: string }) =>
      runCommand(async () => {
        const { inventoryDiscrepancyReport, inventoryDiscrepancyCsv } = await import('../../services/logs/inventory-discrepancy-report.js');
        await withStore(async (store) => {
          const report = await inventoryDiscrepancyReport(store, await actorFor(store, opts.as), { from: opts.from, to: opts.to });
          if (opts.csv) process.stdout.write(inventoryDiscrepancyCsv(report));
          else printJson(report);
        });
      }),
    );
}
