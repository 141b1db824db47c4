import type { Command } from 'commander';
import { CliInputError, parseJsonInput, printJson, readInputText, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';
import { actorFor } from './cli-actor.js';
import type { Store } from '../../store/database.js';

// `ladder teams calendar show|set|reset` (issue 4 item 1): a team's business calendar, the same
// service as GET/PUT/DELETE /api/v1/teams/:id/calendar. Setting or resetting one recomputes the
// team's open case clocks.

/** A team by key ("first_line") or numeric id. */
async function teamIdOf(store: Store, team: string): Promise<string> {
  if (/^\d{1,15}$/.test(team)) return team;
  const { findTeamByKey } = await import('../../store/repositories/team.repository.js');
  const found = await findTeamByKey(store.db, team);
  if (!found) throw new CliInputError(`team: no team with key "${team}"`);
  return String(found.id);
}

export function registerTeamsCommands(program: Command): void {
  const teams = program.commands.find((c) => c.name() === 'teams') ?? program.command('teams').description('Teams');
  const calendar = teams.command('calendar').description('A team\'s business calendar: working week, time zone, days off');

  calendar
    .command('show')
    .description('The team\'s calendar and the one its clocks count in, as JSON')
    .argument('<team>', 'team key or id')
    .option('--as <email>', 'act as this user')
    .action((team: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { getTeamCalendar } = await import('../../services/teams/team-calendar.js');
        await withStore(async (store) => printJson(await getTeamCalendar(store, await actorFor(store, opts.as), { teamId: await teamIdOf(store, team) })));
      }),
    );

  calendar
    .command('set')
    .description('Set the team\'s calendar from a JSON file ("-" for stdin): { timeZone, week, holidays?, holidayPreset? }')
    .argument('<team>', 'team key or id')
    .argument('[file]', 'JSON file, or - for standard input', '-')
    .option('--as <email>', 'act as this user')
    .action((team: string, file: string, opts: { as?: string }) =>
      runCommand(async () => {
        const body = parseJsonInput(readInputText(file), file === '-' ? 'stdin' : file);
        const { setTeamCalendar } = await import('../../services/teams/team-calendar.js');
        await withStore(async (store) => printJson(await setTeamCalendar(store, await actorFor(store, opts.as), { teamId: await teamIdOf(store, team), body })));
      }),
    );

  calendar
    .command('reset')
    .description('Take the team back to the policy\'s calendar (its open case clocks are recomputed)')
    .argument('<team>', 'team key or id')
    .option('--as <email>', 'act as this user')
    .action((team: string, opts: { as?: string }) =>
      runCommand(async () => {
        const { resetTeamCalendar } = await import('../../services/teams/team-calendar.js');
        await withStore(async (store) => printJson(await resetTeamCalendar(store, await actorFor(store, opts.as), { teamId: await teamIdOf(store, team) })));
      }),
    );
}
