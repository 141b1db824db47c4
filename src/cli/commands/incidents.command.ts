import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';

// `ladder incidents list|show|open|link|unlink|suggest|move`: incident reports (R000-07, R001-15,
// R003-04) against the configured store. `--as EMAIL` acts as that user; without it, the system.

const collectIds = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== '')];

export function registerIncidentsCommands(program: Command): void {
  const incidents = program.command('incidents').description('Incident reports: trending issues linking many cases (R000-07, R001-15)');

  incidents
    .command('list')
    .description('Incidents, newest first (live ones unless --status)')
    .option('--status <statuses>', 'comma-separated: open, monitoring, resolved, or all')
    .option('--limit <n>', 'at most this many', '50')
    .option('--as <email>', 'act as this user')
    .option('--json', 'print JSON')
    .action((opts: { status?: string; limit: string; as?: string; json?: boolean }) =>
      runCommand(async () => {
        const { listIncidentsView } = await import('../../services/incidents/list-incidents.js');
        await withStore(async (store) => {
          const page = await listIncidentsView(store, await actorFor(store, opts.as), { status: opts.status, limit: opts.limit });
          if (opts.json) return printJson(page);
          for (const i of page.items) process.stdout.write(`#${i.id.padEnd(5)} ${i.status.padEnd(11)} ${String(i.caseCount).padStart(4)} cases  ${i.title}\n`);
        });
      }),
    );

  incidents
    .command('show')
    .description('An incident with its cases, as JSON')
    .argument('<id>', 'incident id')
    .option('--as <email>', 'act as this user')
    .action((id: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { getIncident } = await import('../../services/incidents/list-incidents.js');
        await withStore(async (store) => printJson(await getIncident(store, await actorFor(store, opts.as), { id })));
      }),
    );

  incidents
    .command('open')
    .description('Report a new or trending issue (R000-07)')
    .requiredOption('--title <text>', 'what the issue is')
    .option('--summary <text>', 'details')
    .option('--case <ids>', 'case ids to link (comma-separated or repeated)', collectIds, [] as string[])
    .option('--as <email>', 'act as this user')
    .action((opts: { title: string; summary?: string; case: string[]; as?: string }) =>
      runCommand(async () => {
        const { openIncident } = await import('../../services/incidents/manage-incidents.js');
        await withStore(async (store) => printJson(await openIncident(store, await actorFor(store, opts.as), {
          title: opts.title, ...(opts.summary !== undefined ? { summary: opts.summary } : {}), ...(opts.case.length > 0 ? { caseIds: opts.case } : {}),
        })));
      }),
    );

  incidents
    .command('link')
    .description('Link cases to an incident')
    .argument('<id>', 'incident id')
    .argument('<caseIds...>', 'case ids')
    .option('--as <email>', 'act as this user')
    .action((id: string, caseIds: string[], opts: { as?: string }) =>
      runCommand(async () => {
        const { linkIncidentCases } = await import('../../services/incidents/manage-incidents.js');
        await withStore(async (store) => printJson(await linkIncidentCases(store, await actorFor(store, opts.as), { id, caseIds })));
      }),
    );

  incidents
    .command('unlink')
    .description('Unlink a case from an incident')
    .argument('<id>', 'incident id')
    .argument('<caseId>', 'case id')
    .option('--as <email>', 'act as this user')
    .action((id: string, caseId: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { unlinkIncidentCase } = await import('../../services/incidents/manage-incidents.js');
        await withStore(async (store) => printJson(await unlinkIncidentCase(store, await actorFor(store, opts.as), { id, caseId })));
      }),
    );

  incidents
    .command('suggest')
    .description('Complaints sharing a SKU, category or carrier, at least N in M days (R001-15); --apply opens them and red-flags the cases')
    .option('--apply', 'open or join the incidents now')
    .option('--as <email>', 'act as this user')
    .action((opts: { apply?: boolean; as?: string }) =>
      runCommand(async () => {
        const { applyIncidentSuggestions, previewIncidentSuggestions } = await import('../../services/incidents/suggest-incidents.js');
        await withStore(async (store) => {
          const actor = await actorFor(store, opts.as);
          printJson(opts.apply ? await applyIncidentSuggestions(store, actor) : await previewIncidentSuggestions(store, actor));
        });
      }),
    );

  incidents
    .command('move')
    .description('Move an incident: open → monitoring → resolved')
    .argument('<id>', 'incident id')
    .argument('<status>', 'target status')
    .option('--note <text>', 'why')
    .option('--as <email>', 'act as this user')
    .action((id: string, status: string, opts: { note?: string; as?: string }) =>
      runCommand(async () => {
        if (status.trim() === '') throw new CliInputError('<status>: give open, monitoring or resolved');
        const { moveIncident } = await import('../../services/incidents/manage-incidents.js');
        await withStore(async (store) => printJson(await moveIncident(store, await actorFor(store, opts.as), { id, to: status, ...(opts.note !== undefined ? { note: opts.note } : {}) })));
      }),
    );
}
