import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';
import { listLogTypes } from '../../services/logs/list-log-types.js';
import { listLogQueueView } from '../../services/logs/list-log-queue.js';
import { getLogEntry } from '../../services/logs/get-log-entry.js';
import { openLogEntry } from '../../services/logs/open-log-entry.js';
import { updateLogFields } from '../../services/logs/update-log-fields.js';
import { moveLogState } from '../../services/logs/move-log-state.js';
import { assignLogSupplierTeam } from '../../services/logs/assign-log-supplier-team.js';
import { inventoryDiscrepancyCsv, inventoryDiscrepancyReport } from '../../services/logs/inventory-discrepancy-report.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportLogQueue } from '../../services/exports/list-exports.js';

// Log entries on cases (issue 5 item 1): templates, queues, one entry per case, its fields and its
// moves; the inventory discrepancy report (R001-06). What each role sees is decided in the services.

const str = { type: 'string' } as const;
const fieldsObject = { type: 'object', additionalProperties: true, description: 'Field values by key (see GET /logs/types); null clears a field' } as const;

export function logRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/logs/types', {
      config: { access: 'logs.read' },
      schema: { tags: ['logs'], summary: 'Log types for forms: fields (type, options, required, who writes them), states, moves and what each needs', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => listLogTypes(actorOf(request)));

    app.get('/logs', {
      config: { access: 'logs.read' },
      schema: {
        tags: ['logs'], summary: 'A queue of log entries by type, state or whose move it is; due first',
        querystring: {
          type: 'object',
          properties: { type: str, state: str, waitingOn: str, sku: str, includeClosed: { type: 'string', enum: ['true', 'false'] }, limit: str, cursor: str, format: formatParam },
        },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'log-queue.csv', await exportLogQueue(store, actorOf(request), request.query as Record<string, unknown>));
      return listLogQueueView(store, actorOf(request), request.query as Record<string, unknown>);
    });

    app.get('/cases/:id/log', {
      config: { access: 'logs.read' },
      schema: { tags: ['logs'], summary: 'The case\'s log entry as you may see it, with the next moves and what each still needs', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getLogEntry(store, actorOf(request), { caseId: (request.params as { id: string }).id }));

    app.post('/cases/:id/log', {
      config: { access: 'logs.write' },
      schema: {
        tags: ['logs'], summary: 'Log the case with a template (one entry per case)', params: idParams,
        body: { type: 'object', required: ['type'], properties: { type: str, fields: fieldsObject } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as { type: string; fields?: unknown };
      const view = await openLogEntry(store, actorOf(request), { caseId: (request.params as { id: string }).id, type: body.type, fields: body.fields });
      return reply.status(201).send(view);
    });

    app.patch('/cases/:id/log', {
      config: { access: 'logs.write' },
      schema: {
        tags: ['logs'], summary: 'Fill in or correct fields of the case\'s log entry', params: idParams,
        body: { type: 'object', required: ['fields'], properties: { fields: fieldsObject } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => updateLogFields(store, actorOf(request), { caseId: (request.params as { id: string }).id, fields: (request.body as { fields: unknown }).fields }));

    app.post('/cases/:id/log/transitions', {
      config: { access: 'logs.write' },
      schema: {
        tags: ['logs'], summary: 'Move the log entry to another state; refused with the missing field or evidence named', params: idParams,
        body: { type: 'object', required: ['to'], properties: { to: str, note: str } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const body = request.body as { to: string; note?: string };
      return moveLogState(store, actorOf(request), { caseId: (request.params as { id: string }).id, to: body.to, note: body.note });
    });

    app.put('/cases/:id/log/supplier-team', {
      config: { access: 'logs.assign' },
      schema: {
        tags: ['logs'], summary: 'Hand the log entry to a supplier team\'s queue (only that team\'s supplier users see it), or take it back with null', params: idParams,
        body: { type: 'object', required: ['team'], properties: { team: { type: ['string', 'null'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => assignLogSupplierTeam(store, actorOf(request), { caseId: (request.params as { id: string }).id, team: (request.body as { team: unknown }).team }));

    app.get('/reports/inventory-discrepancies', {
      config: { access: 'logs.report' },
      schema: {
        tags: ['reports'], summary: 'Out-of-stock entries per SKU: counts, discrepancy, affected orders, outcomes (R001-06)',
        querystring: { type: 'object', properties: { from: str, to: str, format: { type: 'string', enum: ['json', 'csv'] } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const q = request.query as { from?: string; to?: string; format?: string };
      const report = await inventoryDiscrepancyReport(store, actorOf(request), q);
      if (q.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="inventory-discrepancies.csv"').send(inventoryDiscrepancyCsv(report));
      }
      return report;
    });
  };
}
