import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';
import { getFinanceEntry, listFinanceEntriesView, moveFinanceEntry, recordFinanceEntry } from '../../services/finance/finance-entries.js';
import { refundsTracker, refundsTrackerCsv } from '../../services/finance/refunds-tracker.js';

// The refunds/reshipments form and the yearly refunds tracker (R000-09).

const str = { type: 'string' } as const;

export function financeRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/finance/entries', {
      config: { access: 'returns.read' },
      schema: {
        tags: ['finance'], summary: 'Refunds and reshipments on the form, newest first',
        querystring: { type: 'object', properties: { state: str, kind: str, caseId: str, limit: str, cursor: str } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => listFinanceEntriesView(store, actorOf(request), request.query as Record<string, unknown>));

    app.post('/finance/entries', {
      config: { access: 'returns.manage' },
      schema: {
        tags: ['finance'], summary: 'Record a refund or reshipment: amount (decimal string), currency, method, reason; over the threshold it waits for a supervisor (R004-08)',
        body: { type: 'object', properties: { kind: str, amount: str, currency: str, method: str, reason: str, caseId: str, orderNumber: str, note: str } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => reply.status(201).send(await recordFinanceEntry(store, actorOf(request), request.body as Record<string, unknown>)));

    app.get('/finance/entries/:id', {
      config: { access: 'returns.read' },
      schema: { tags: ['finance'], summary: 'One refund or reshipment entry', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getFinanceEntry(store, actorOf(request), { id: (request.params as { id: string }).id }));

    app.post('/finance/entries/:id/transitions', {
      config: { access: 'returns.manage' },
      schema: {
        tags: ['finance'], summary: 'Approve or reject (supervisor, four eyes), or mark performed with its reference', params: idParams,
        body: { type: 'object', properties: { to: str, reference: str, note: str } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const body = request.body as { to?: unknown; reference?: unknown; note?: unknown };
      return moveFinanceEntry(store, actorOf(request), { id: (request.params as { id: string }).id, to: body.to, reference: body.reference, note: body.note });
    });

    app.get('/reports/refunds-tracker', {
      config: { access: 'returns.report' },
      schema: {
        tags: ['reports'], summary: 'Refunds tracker of a year: per month and currency with totals; large refunds listed apart (R000-09)',
        querystring: { type: 'object', properties: { year: str, format: { type: 'string', enum: ['json', 'csv'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const q = request.query as { year?: string; format?: string };
      const tracker = await refundsTracker(store, actorOf(request), { year: q.year });
      if (q.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="refunds-tracker-${tracker.year}.csv"`).send(refundsTrackerCsv(tracker));
      }
      return tracker;
    });
  };
}
