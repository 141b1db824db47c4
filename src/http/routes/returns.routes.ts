import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import type { Actor } from '../../services/actor.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses, pageOf } from '../schemas.js';
import { quoteReturnRequest } from '../../services/returns/quote-return-request.js';
import { requestRma } from '../../services/returns/request-rma.js';
import { listRmas, type ListRmasInput } from '../../services/returns/list-rmas.js';
import { getRma } from '../../services/returns/get-rma.js';
import { approveRma } from '../../services/returns/approve-rma.js';
import { denyRma } from '../../services/returns/deny-rma.js';
import { cancelRma } from '../../services/returns/cancel-rma.js';
import { markLabelSent } from '../../services/returns/mark-label-sent.js';
import { markInTransit } from '../../services/returns/mark-in-transit.js';
import { receiveRma } from '../../services/returns/receive-rma.js';
import { inspectRma } from '../../services/returns/inspect-rma.js';
import { refundRma } from '../../services/returns/refund-rma.js';
import { creditRma } from '../../services/returns/credit-rma.js';
import { returnsReport, returnsReportAsCsv } from '../../services/returns/returns-report.js';
import type { RmaView } from '../../services/returns/rma-view.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportRmas } from '../../services/exports/list-exports.js';

const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 1, maxLength: 40, description: 'RMA number, e.g. RMA-20261120-7KQ3' } } } as const;
const anyBody = { type: 'object', additionalProperties: true } as const;

type RmaAction = (store: Store, actor: Actor, input: { number: unknown; body?: unknown }) => Promise<RmaView>;

/** One POST per state-machine move (src/domain/returns/rma.ts); the service checks the move. */
const ACTIONS: { path: string; summary: string; run: RmaAction }[] = [
  { path: 'approve', summary: 'Approve a requested return (a supervisor other than the requester when it needs one, R004-08)', run: approveRma },
  { path: 'deny', summary: 'Deny a requested return; body { reason }', run: denyRma },
  { path: 'cancel', summary: 'Cancel a return before it is received; body { reason }', run: cancelRma },
  { path: 'label-sent', summary: 'The return label was emailed (R004-07); body { trackingNumber?, carrier? }', run: markLabelSent },
  { path: 'in-transit', summary: 'The parcel is on its way back; body { trackingNumber? }', run: markInTransit },
  { path: 'receive', summary: 'The return arrived; processing is due in 3–5 business days (R004-05)', run: receiveRma },
  { path: 'inspect', summary: 'Inspect: resellable → restock, damaged → returns area (R001-08); body { outcome } or { lines }', run: inspectRma },
  { path: 'refund', summary: 'Refund to the original payment method (R004-06); body { amount?, note? }', run: refundRma },
  { path: 'credit', summary: 'Pay as store credit with the policy bonus (R004-12); body { amount?, note? }', run: creditRma },
];

const listQuery = {
  type: 'object',
  properties: {
    state: { type: 'string', description: 'Comma-separated states' },
    order: { type: 'string', description: 'Order number' },
    case: { type: 'string', description: 'Case id' },
    reason: { type: 'string' },
    awaitingApproval: { type: 'boolean' },
    dueBefore: { type: 'string', description: 'ISO instant or "now"' },
    from: { type: 'string', description: 'Requested at or after (ISO)' },
    to: { type: 'string', description: 'Requested before (ISO)' },
    cursor: { type: 'string' },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    format: formatParam,
  },
} as const;

export function returnsRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.post('/returns/quote', {
      config: { access: 'returns.read' },
      schema: {
        tags: ['returns'], summary: 'Quote a return without storing it (returns-quote.md): one request or an array',
        body: { type: ['object', 'array'] }, response: { 200: { anyOf: [anyObject, { type: 'array', items: anyObject }] }, ...errorResponses },
      },
    }, async (request) => quoteReturnRequest(store, actorOf(request), request.body));

    app.post('/rmas', {
      config: { access: 'returns.manage' },
      schema: {
        tags: ['returns'],
        summary: 'Request an RMA: a quote request plus phoneLast4 (R004-02), optional caseId and note; the order must be on file',
        body: anyBody, response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => reply.status(201).send(await requestRma(store, actorOf(request), request.body)));

    app.get('/rmas', {
      config: { access: 'returns.read' },
      schema: { tags: ['returns'], summary: 'List RMAs, newest first, with filters and cursor', querystring: listQuery, response: { 200: pageOf(anyObject), ...errorResponses } },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'rmas.csv', await exportRmas(store, actorOf(request), request.query as Record<string, unknown>));
      return listRmas(store, actorOf(request), request.query as ListRmasInput);
    });

    app.get('/rmas/:number', {
      config: { access: 'returns.read' },
      schema: { tags: ['returns'], summary: 'An RMA with its quote, items, due times and money movements', params: numberParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getRma(store, actorOf(request), { number: (request.params as { number: string }).number }));

    for (const action of ACTIONS) {
      app.post(`/rmas/:number/${action.path}`, {
        config: { access: 'returns.manage' },
        schema: { tags: ['returns'], summary: action.summary, params: numberParams, body: { ...anyBody, nullable: true }, response: { 200: anyObject, ...errorResponses } },
      }, async (request) => action.run(store, actorOf(request), { number: (request.params as { number: string }).number, body: request.body ?? {} }));
    }

    app.get('/reports/returns', {
      config: { access: 'returns.report' },
      schema: {
        tags: ['returns'],
        summary: 'Returns by reason, category, product; refunds per month and year; processing time; accuracy (R004-10, R000-09, R004-11)',
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', description: 'Date (from its UTC start) or ISO instant; default the start of this year' },
            to: { type: 'string', description: 'Date (inclusive) or ISO instant (exclusive); default now' },
            format: { type: 'string', enum: ['json', 'csv'] },
          },
        },
        response: { 200: { anyOf: [anyObject, { type: 'string' }] }, ...errorResponses },
      },
    }, async (request, reply) => {
      const query = request.query as { from?: string; to?: string; format?: string };
      const input = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
      if (query.format === 'csv') {
        const csv = await returnsReportAsCsv(store, actorOf(request), input);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="returns-report.csv"`)
          .send(csv);
      }
      return returnsReport(store, actorOf(request), input);
    });
  };
}
