import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';
import { getIncident, listIncidentsView } from '../../services/incidents/list-incidents.js';
import { linkIncidentCases, moveIncident, openIncident, unlinkIncidentCase } from '../../services/incidents/manage-incidents.js';
import { applyIncidentSuggestions, previewIncidentSuggestions } from '../../services/incidents/suggest-incidents.js';

// Incident reports (R000-07, R001-15, R003-04): an incident links many cases; complaints sharing a
// SKU, category or carrier are suggested as one. Visibility of the linked cases is the services'.

const str = { type: 'string' } as const;
const caseIds = { type: 'array', items: { type: ['string', 'integer'] }, description: 'case ids' } as const;

export function incidentRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/incidents', {
      config: { access: 'incidents.read' },
      schema: {
        tags: ['incidents'], summary: 'Incidents, newest first; live ones (open, monitoring) unless status is given',
        querystring: { type: 'object', properties: { status: str, limit: str, cursor: str } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => listIncidentsView(store, actorOf(request), request.query as Record<string, unknown>));

    app.post('/incidents', {
      config: { access: 'incidents.write' },
      schema: {
        tags: ['incidents'], summary: 'Report a new or trending issue (R000-07), optionally with the cases it touches',
        body: { type: 'object', properties: { title: str, summary: str, caseIds } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => reply.status(201).send(await openIncident(store, actorOf(request), request.body as Record<string, unknown>)));

    app.get('/incidents/suggestions', {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], summary: 'Complaints sharing a SKU, category or carrier, at least N in M days (R001-15): what the suggestion would do', response: { 200: anyObject, ...errorResponses } },
    }, async (request) => previewIncidentSuggestions(store, actorOf(request)));

    app.post('/incidents/suggestions', {
      config: { access: 'incidents.manage' },
      schema: {
        tags: ['incidents'], summary: 'Open the suggested incidents (or join the live one) and red-flag their cases (R001-15); dimension and key act on one suggestion only',
        // No body schema: a bare POST (the CLI, scripts) still applies every suggestion.
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as { dimension?: unknown; key?: unknown };
      return applyIncidentSuggestions(store, actorOf(request), { dimension: body.dimension, key: body.key });
    });

    app.get('/incidents/:id', {
      config: { access: 'incidents.read' },
      schema: { tags: ['incidents'], summary: 'An incident with the cases you may see', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getIncident(store, actorOf(request), { id: (request.params as { id: string }).id }));

    app.post('/incidents/:id/cases', {
      config: { access: 'incidents.write' },
      schema: {
        tags: ['incidents'], summary: 'Link cases to the incident', params: idParams,
        body: { type: 'object', properties: { caseIds } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => linkIncidentCases(store, actorOf(request), { id: (request.params as { id: string }).id, caseIds: (request.body as { caseIds?: unknown }).caseIds }));

    app.delete('/incidents/:id/cases/:caseId', {
      config: { access: 'incidents.write' },
      schema: {
        tags: ['incidents'], summary: 'Unlink a case from the incident',
        params: { type: 'object', required: ['id', 'caseId'], properties: { id: str, caseId: str } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const p = request.params as { id: string; caseId: string };
      return unlinkIncidentCase(store, actorOf(request), { id: p.id, caseId: p.caseId });
    });

    app.post('/incidents/:id/transitions', {
      config: { access: 'incidents.manage' },
      schema: {
        tags: ['incidents'], summary: 'Move the incident: open → monitoring → resolved; other moves are refused with a code', params: idParams,
        body: { type: 'object', properties: { to: str, note: str } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => {
      const body = request.body as { to?: unknown; note?: unknown };
      return moveIncident(store, actorOf(request), { id: (request.params as { id: string }).id, to: body.to, note: body.note });
    });
  };
}
