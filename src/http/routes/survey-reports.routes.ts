import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses } from '../schemas.js';
import { surveyStats, surveyStatsCsv } from '../../services/surveys/survey-stats.js';

/** GET /reports/csat (issue 7 item 3): survey ratings per team, agent and day; supervisors. */
export function surveyReportRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/reports/csat', {
      config: { access: 'returns.report' },
      schema: {
        tags: ['reports'], summary: 'Customer satisfaction from the resolution survey: CSAT (share of 4–5 of 5), responses and average, per team, agent and day (R004-09, R004-11)',
        querystring: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', enum: ['json', 'csv'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const q = request.query as { from?: string; to?: string; format?: string };
      const stats = await surveyStats(store, actorOf(request), q);
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="csat.csv"').send(surveyStatsCsv(stats));
      return stats;
    });
  };
}
