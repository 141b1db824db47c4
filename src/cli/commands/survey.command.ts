import type { Command } from 'commander';
import { printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';

// `ladder survey stats` (issue 7 item 3): the CSAT report of GET /api/v1/reports/csat.

export function registerSurveyCommands(program: Command): void {
  const survey = program.command('survey').description('The satisfaction survey sent on resolution');
  survey
    .command('stats')
    .description('CSAT (share of 4–5 of 5), responses and average per team, agent and day, as JSON or CSV')
    .option('--from <date>', 'ISO date or date-time (default: 30 days before --to)')
    .option('--to <date>', 'ISO date or date-time (default: now)')
    .option('--csv', 'CSV instead of JSON')
    .option('--as <email>', 'act as this user')
    .action((opts: { from?: string; to?: string; csv?: boolean; as?: string }) =>
      runCommand(async () => {
        const { surveyStats, surveyStatsCsv } = await import('../../services/surveys/survey-stats.js');
        await withStore(async (store) => {
          const stats = await surveyStats(store, await actorFor(store, opts.as), { from: opts.from, to: opts.to });
          if (opts.csv) process.stdout.write(surveyStatsCsv(stats));
          else printJson(stats);
        });
      }),
    );
}
