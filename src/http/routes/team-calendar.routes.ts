import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { getTeamCalendar, resetTeamCalendar, setTeamCalendar } from '../../services/teams/team-calendar.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';

/** GET/PUT/DELETE /teams/:id/calendar (issue 4 item 1): a team's business calendar. */
export function teamCalendarRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/teams/:id/calendar', {
      config: { access: 'teams.read' },
      schema: { tags: ['teams'], summary: 'A team\'s business calendar, and the one its clocks count in', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getTeamCalendar(store, actorOf(request), { teamId: (request.params as { id: string }).id }));

    app.put('/teams/:id/calendar', {
      config: { access: 'teams.manage' },
      schema: {
        tags: ['teams'],
        summary: 'Set a team\'s calendar { timeZone, week: { mon: [{ start, end }] … }, holidays?, holidayPreset? }; recomputes its open cases\' clocks',
        params: idParams, body: anyObject, response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => setTeamCalendar(store, actorOf(request), { teamId: (request.params as { id: string }).id, body: request.body }));

    app.delete('/teams/:id/calendar', {
      config: { access: 'teams.manage' },
      schema: {
        tags: ['teams'],
        summary: 'Take the team back to the policy\'s calendar; recomputes its open cases\' clocks',
        params: idParams, response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => resetTeamCalendar(store, actorOf(request), { teamId: (request.params as { id: string }).id }));
  };
}
