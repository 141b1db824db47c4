import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';

const STATES = ['queued', 'running', 'done', 'dead'] as const;
const JOB_CSV_COLUMNS = ['id', 'kind', 'key', 'state', 'attempts', 'maxAttempts', 'runAt', 'lastError', 'createdAt', 'updatedAt'];

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new CliInputError(`--limit: expected a whole number from 1 to 10000, got "${value}"`);
  return n;
}

/** `ladder jobs list|retry`: the durable job queue (issue 4 item 4), against the configured store. */
export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('Background jobs: SLA alerts, notification deliveries, order SLA cases');

  jobs
    .command('list')
    .description('List jobs, newest first')
    .option('--state <state>', `only jobs in this state (${STATES.join(', ')})`)
    .option('--kind <kind>', 'only jobs of this kind')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .option('--csv', 'print the listed jobs as CSV (raise --limit for more; issue 7 item 4)')
    .action((opts: { state?: string; kind?: string; limit: string; json?: boolean; csv?: boolean }) =>
      runCommand(async () => {
        if (opts.state !== undefined && !(STATES as readonly string[]).includes(opts.state)) {
          throw new CliInputError(`--state: expected one of ${STATES.join(', ')}, got "${opts.state}"`);
        }
        const limit = parseLimit(opts.limit);
        const { listJobs, countJobsByState } = await import('../../store/repositories/job.repository.js');
        await withStore(async (store) => {
          const list = await listJobs(store.db, {
            limit,
            ...(opts.state ? { state: opts.state as (typeof STATES)[number] } : {}),
            ...(opts.kind ? { kind: opts.kind } : {}),
          });
          if (opts.json) {
            printJson({ counts: await countJobsByState(store.db), items: list });
            return;
          }
          if (opts.csv) {
            const { csvExport, onePage } = await import('../../integrations/csv/csv-stream.js');
            const { writeCsvLines } = await import('../cli-csv.js');
            await writeCsvLines((await csvExport(async () => onePage(list), JOB_CSV_COLUMNS)).lines);
            return;
          }
          const counts = await countJobsByState(store.db);
          process.stdout.write(`${STATES.map((s) => `${s} ${counts[s]}`).join(' · ')}\n`);
          for (const job of list) {
            const error = job.lastError ? `  ${job.lastError.replace(/\s+/g, ' ').slice(0, 120)}` : '';
            process.stdout.write(`${String(job.id).padStart(8)}  ${job.state.padEnd(7)}  ${job.kind.padEnd(16)}  ${job.attempts}/${job.maxAttempts}  ${job.runAt}  ${job.key}${error}\n`);
          }
        });
      }),
    );

  jobs
    .command('retry')
    .description('Queue dead jobs again with fresh attempts: one by id, or every dead job')
    .argument('[id]', 'job id')
    .option('--all-dead', 'retry every dead job')
    .action((id: string | undefined, opts: { allDead?: boolean }) =>
      runCommand(async () => {
        if ((id === undefined) === !opts.allDead) throw new CliInputError('give a job ID or --all-dead (not both)');
        let ids: number[] | undefined;
        if (id !== undefined) {
          const n = Number(id);
          if (!Number.isInteger(n) || n < 1) throw new CliInputError(`id: expected a job id, got "${id}"`);
          ids = [n];
        }
        const { retryDeadJobs, findJob } = await import('../../store/repositories/job.repository.js');
        const { clock } = await import('../../services/clock.js');
        await withStore(async (store) => {
          const retried = await retryDeadJobs(store.db, { at: clock.now().toISOString(), ...(ids ? { ids } : {}) });
          if (ids && retried.length === 0) {
            const job = await findJob(store.db, ids[0]!);
            throw new CliInputError(job ? `job ${ids[0]} is ${job.state}, not dead` : `no job ${ids[0]}`);
          }
          process.stdout.write(`requeued ${retried.length} job${retried.length === 1 ? '' : 's'}\n`);
        });
      }),
    );
}
