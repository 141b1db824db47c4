import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { complianceReport, complianceReportCsv } from '../../services/reports/compliance-report.js';
import { deskMetrics, deskMetricsCsv } from '../../services/reports/desk-metrics.js';
import { anyObject, errorResponses } from '../schemas.js';

export function reportRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/reports/compliance', {
      config: { access: 'audit.read' },
      schema: {
        tags: ['reports'], summary: 'Compliance review per person and team: unedited macro replies, escalations without a note, missing evidence (R000-12, R002-08)',
        querystring: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', enum: ['json', 'csv'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const q = request.query as { from?: string; to?: string; format?: string };
      const report = await complianceReport(store, actorOf(request), q);
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="compliance.csv"').send(complianceReportCsv(report));
      return report;
    });

    app.get('/reports/desk', {
      config: { access: 'cases.read' },
      schema: {
        tags: ['reports'], summary: 'Desk dashboard: escalations and cases per day, resolution time, repeat issues, by category, SLA attainment, first-contact resolution (R001-14, R004-11)',
        querystring: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', enum: ['json', 'csv'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const q = request.query as { from?: string; to?: string; format?: string };
      const metrics = await deskMetrics(store, actorOf(request), q);
      if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="desk-metrics.csv"').send(deskMetricsCsv(metrics));
      return metrics;
    });
  };
}
