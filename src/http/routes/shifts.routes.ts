import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { escalationsLogCsv, getEscalationsLog } from '../../services/shifts/get-escalations-log.js';
import { acknowledgeHandoff, listShiftHandoffs, overnightDigest, previewHandoff, signOffHandoff } from '../../services/shifts/shift-handoff.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';

const teamQuery = { type: 'object', properties: { team: { type: 'string' } } } as const;

export function shiftRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/escalations-log', {
      config: { access: 'cases.read' },
      schema: {
        tags: ['shifts'], summary: 'The escalations log for a local date or a window (R001-01); format=csv to export',
        querystring: { type: 'object', properties: { date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, team: { type: 'string' }, format: { type: 'string', enum: ['json', 'csv'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const q = request.query as { date?: string; from?: string; to?: string; team?: string; format?: string };
      const log = await getEscalationsLog(store, actorOf(request), q);
      if (q.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="escalations-${log.from.slice(0, 10)}.csv"`).send(escalationsLogCsv(log));
      }
      return log;
    });

    app.get('/handoffs/preview', {
      config: { access: 'cases.read' },
      schema: { tags: ['shifts'], summary: 'What the shift would hand over now (R001-12)', querystring: teamQuery, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => previewHandoff(store, actorOf(request), request.query as { team?: string }));

    app.get('/handoffs', {
      config: { access: 'cases.read' },
      schema: { tags: ['shifts'], summary: 'Recent handoffs, newest first', querystring: teamQuery, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => ({ items: await listShiftHandoffs(store, actorOf(request), request.query as { team?: string }) }));

    app.post('/handoffs', {
      config: { access: 'handoffs.sign' },
      schema: {
        tags: ['shifts'], summary: 'Sign off the end-of-shift handoff (outgoing lead)',
        body: { type: 'object', properties: { team: { type: ['string', 'integer'] }, shift: { type: 'string' }, note: { type: 'string' } } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => reply.status(201).send(await signOffHandoff(store, actorOf(request), (request.body ?? {}) as Record<string, unknown>)));

    app.post('/handoffs/:id/acknowledge', {
      config: { access: 'handoffs.sign' },
      schema: { tags: ['shifts'], summary: 'Acknowledge a handoff (incoming lead, not the one who signed it)', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => acknowledgeHandoff(store, actorOf(request), { id: (request.params as { id: string }).id }));

    app.get('/digest', {
      config: { access: 'cases.read' },
      schema: { tags: ['shifts'], summary: 'Morning digest: overnight arrivals, escalations, breaches and promises due (R001-12)', querystring: teamQuery, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => overnightDigest(store, actorOf(request), request.query as { team?: string }));
  };
}
