import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CsvExport } from '../services/exports/list-exports.js';

/** `format: csv` in a list route's querystring schema (issue 7 item 4). */
export const formatParam = { type: 'string', enum: ['json', 'csv'], description: 'csv streams every matching row (paging ignored); also Accept: text/csv' } as const;

/** CSV when asked by `?format=csv`, or by `Accept: text/csv` without `?format=json`. */
export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  if (format === 'csv') return true;
  if (format === 'json') return false;
  const accept = request.headers.accept ?? '';
  return /(^|,)\s*text\/csv\b/i.test(accept) && !/application\/json/i.test(accept);
}

/** Streams an export; the first page was read already, so a bad filter failed as a 4xx before this. */
export function sendCsv(reply: FastifyReply, fileName: string, exported: CsvExport): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(exported.lines));
}
