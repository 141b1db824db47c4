import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Store } from '../../store/database.js';
import { createOpenCaseBatcher } from '../../services/cases/open-case-batcher.js';
import { getCase } from '../../services/cases/get-case.js';
import { listCases } from '../../services/cases/list-cases.js';
import { addCaseMessage } from '../../services/cases/add-case-message.js';
import { attachCaseFile, readCaseAttachment } from '../../services/cases/attach-case-file.js';
import { DomainError } from '../../domain/errors.js';
import { actorOf } from '../request-context.js';
import { anyObject, caseFactsBody, errorResponses, idParams, pageOf } from '../schemas.js';
import { formatParam, sendCsv, wantsCsv } from '../csv-reply.js';
import { exportCases } from '../../services/exports/list-exports.js';

const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', description: 'Comma-separated statuses' },
    priority: { type: 'string' },
    level: { type: 'string' },
    category: { type: 'string' },
    assignee: { type: 'string', description: 'A user id, "me" or "none"' },
    team: { type: 'string', description: 'A team id or "none"' },
    escalated: { type: 'boolean' },
    open: { type: 'boolean' },
    customer: { type: 'string', description: 'External customer id (linked accounts included)' },
    order: { type: 'string', description: 'Order number' },
    q: { type: 'string' },
    createdFrom: { type: 'string' },
    createdTo: { type: 'string' },
    sort: { type: 'string', enum: ['created', 'updated', 'due', 'priority'] },
    cursor: { type: 'string' },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    format: formatParam,
  },
} as const;

export function caseRoutes(deps: { store: Store; config: Config }): FastifyPluginAsync {
  const { store, config } = deps;
  const openings = createOpenCaseBatcher(store, { maxBatch: config.openCaseBatchMax, maxInFlight: config.openCaseBatchesInFlight });
  return async (app) => {
    app.post('/cases', {
      config: { access: 'cases.create' },
      schema: { tags: ['cases'], summary: 'Open a case; returns it with its decision', body: caseFactsBody, response: { 201: anyObject, ...errorResponses } },
    }, async (request, reply) => {
      const actor = actorOf(request);
      const view = await openings.open(actor, { body: request.body, actorKind: request.authVia === 'token' ? 'integration' : 'user' });
      return reply.status(201).send(view);
    });

    app.get('/cases', {
      config: { access: 'cases.read' },
      schema: { tags: ['cases'], summary: 'List cases with filters, sort and cursor pagination; format=csv (or Accept: text/csv) streams every matching row', querystring: listQuery, response: { 200: pageOf(anyObject), ...errorResponses } },
    }, async (request, reply) => {
      if (wantsCsv(request)) return sendCsv(reply, 'cases.csv', await exportCases(store, actorOf(request), request.query as Record<string, unknown>));
      return listCases(store, actorOf(request), request.query as Record<string, never>);
    });

    app.get('/cases/:id', {
      config: { access: 'cases.read' },
      schema: { tags: ['cases'], summary: 'A case with its decision and timeline', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getCase(store, actorOf(request), { id: (request.params as { id: string }).id }));

    app.post('/cases/:id/messages', {
      config: { access: 'cases.reply' },
      schema: {
        tags: ['cases'], summary: 'Add a customer message or an agent reply; the decision is re-evaluated',
        params: idParams,
        body: { type: 'object', required: ['from', 'text'], properties: { from: { type: 'string', enum: ['customer', 'agent'] }, text: { type: 'string' } } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const body = request.body as { from: string; text: string };
      const view = await addCaseMessage(store, actorOf(request), { caseId: (request.params as { id: string }).id, from: body.from, text: body.text });
      return reply.status(201).send(view);
    });

    app.post('/cases/:id/attachments', {
      config: { access: 'cases.attach' },
      schema: { tags: ['cases'], summary: 'Attach a file (multipart/form-data, field "file"; optional field "note")', params: idParams, consumes: ['multipart/form-data'], response: { 201: anyObject, ...errorResponses } },
    }, async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'send multipart/form-data with a "file" field', 'file');
      const file = await request.file();
      if (!file) throw new DomainError('invalid_input', 'no file in the request', 'file');
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        throw new DomainError('payload_too_large', `the file is larger than ${config.uploadMaxBytes} bytes`, 'file');
      }
      const noteField = file.fields.note as { value?: unknown } | undefined;
      const record = await attachCaseFile(store, actorOf(request), {
        caseId: (request.params as { id: string }).id,
        fileName: file.filename,
        contentType: file.mimetype,
        bytes,
        ...(noteField?.value !== undefined ? { note: noteField.value } : {}),
        limits: { maxBytes: config.uploadMaxBytes, allowedTypes: config.uploadAllowedTypes },
      });
      return reply.status(201).send({
        id: String(record.id), caseId: String(record.caseId), fileName: record.fileName, contentType: record.contentType,
        sizeBytes: record.sizeBytes, sha256: record.sha256, createdAt: record.createdAt,
      });
    });

    app.get('/cases/:id/attachments/:attachmentId', {
      config: { access: 'cases.read' },
      schema: {
        tags: ['cases'], summary: 'Download an attachment',
        params: { type: 'object', required: ['id', 'attachmentId'], properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$' }, attachmentId: { type: 'string', pattern: '^[0-9]{1,15}$' } } },
      },
    }, async (request, reply) => {
      const p = request.params as { id: string; attachmentId: string };
      const { record, bytes } = await readCaseAttachment(store, actorOf(request), { caseId: p.id, attachmentId: p.attachmentId });
      const inline = record.contentType.startsWith('image/') || record.contentType === 'application/pdf';
      return reply
        .type(record.contentType)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${record.fileName.replace(/[^\w.\- ]/g, '_')}"`)
        .header('content-security-policy', "default-src 'none'")
        .send(bytes);
    });
  };
}
