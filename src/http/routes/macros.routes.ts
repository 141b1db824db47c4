import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/database.js';
import { actorOf } from '../request-context.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';
import { listMacros } from '../../services/macros/list-macros.js';
import { createMacro, type CreateMacroInput } from '../../services/macros/create-macro.js';
import { getMacro, listMacroHistory } from '../../services/macros/get-macro.js';
import { updateMacro } from '../../services/macros/update-macro.js';
import { archiveMacro } from '../../services/macros/archive-macro.js';
import { renameMacroFolder, type RenameMacroFolderInput } from '../../services/macros/rename-macro-folder.js';
import { renderMacroForCase } from '../../services/macros/render-macro-for-case.js';
import { replyWithMacro } from '../../services/macros/reply-with-macro.js';

const str = { type: 'string' } as const;
const id = { type: ['string', 'integer'] } as const;

const listQuery = {
  type: 'object',
  properties: {
    folder: str,
    q: { type: 'string', description: 'Search titles and texts' },
    includeArchived: { type: 'boolean', description: 'Archived macros too (macro managers only)' },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
  },
} as const;

const createBody = {
  type: 'object',
  required: ['folder', 'title', 'body'],
  properties: { folder: str, title: str, body: { type: 'string', description: 'Template: {{customer.firstName}}, {{case.promisedBy | date}}, [[blank to fill]]' }, changeNote: str },
} as const;

const updateBody = {
  type: 'object',
  properties: {
    folder: str, title: str, body: str, changeNote: str,
    active: { type: 'boolean', description: 'false archives, true restores' },
    baseVersion: { type: 'integer', minimum: 1, description: 'The version edited; refused (409) if another is in force by now' },
  },
} as const;

type Id = { id: string };

export function macroRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    app.get('/macros', {
      config: { access: 'macros.read' },
      schema: { tags: ['macros'], summary: 'Macro folders and the macros matching a folder or search (latest versions)', querystring: listQuery, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => listMacros(store, actorOf(request), request.query as Record<string, never>));

    app.post('/macros', {
      config: { access: 'macros.manage' },
      schema: { tags: ['macros'], summary: 'Create a macro (version 1)', body: createBody, response: { 201: anyObject, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(await createMacro(store, actorOf(request), request.body as CreateMacroInput)));

    app.post('/macros/folders/rename', {
      config: { access: 'macros.manage' },
      schema: {
        tags: ['macros'], summary: 'Rename a folder: every macro in it moves, archived ones too, or none does (409 naming the titles already in the target)',
        body: { type: 'object', required: ['from', 'to'], properties: { from: str, to: { type: 'string', description: 'The new name; an existing folder merges the two' } } },
        response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => renameMacroFolder(store, actorOf(request), request.body as RenameMacroFolderInput));

    app.get('/macros/:id', {
      config: { access: 'macros.read' },
      schema: { tags: ['macros'], summary: 'A macro with its version history (the latest is in force)', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => getMacro(store, actorOf(request), { id: (request.params as Id).id }));

    app.put('/macros/:id', {
      config: { access: 'macros.manage' },
      schema: { tags: ['macros'], summary: 'Revise a macro: a changed text is a new version, in force at once', params: idParams, body: updateBody, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => updateMacro(store, actorOf(request), { ...(request.body as Record<string, unknown>), id: (request.params as Id).id }));

    app.delete('/macros/:id', {
      config: { access: 'macros.manage' },
      schema: { tags: ['macros'], summary: 'Archive a macro (history kept; restore with PUT active: true)', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => archiveMacro(store, actorOf(request), { id: (request.params as Id).id }));

    app.get('/macros/:id/versions', {
      config: { access: 'macros.read' },
      schema: { tags: ['macros'], summary: 'Every version of a macro, newest first', params: idParams, response: { 200: anyObject, ...errorResponses } },
    }, async (request) => listMacroHistory(store, actorOf(request), { id: (request.params as Id).id }));

    app.post('/cases/:id/macro-preview', {
      config: { access: 'macros.read' },
      schema: {
        tags: ['macros'], summary: 'A macro filled in for this case, with the blanks the agent must still fill',
        params: idParams, body: { type: 'object', required: ['macroId'], properties: { macroId: id } }, response: { 200: anyObject, ...errorResponses },
      },
    }, async (request) => renderMacroForCase(store, actorOf(request), { caseId: (request.params as Id).id, macroId: (request.body as { macroId: unknown }).macroId }));

    app.post('/cases/:id/macro-reply', {
      config: { access: 'cases.reply' },
      schema: {
        tags: ['macros'], summary: 'Send an agent reply started from a macro; refused while a blank is unfilled; records how much it was changed',
        params: idParams,
        body: { type: 'object', required: ['macroId', 'text'], properties: { macroId: id, text: str, macroVersion: { type: 'integer', minimum: 1 } } },
        response: { 201: anyObject, ...errorResponses },
      },
    }, async (request, reply) => {
      const b = request.body as { macroId: unknown; text: unknown; macroVersion?: unknown };
      const view = await replyWithMacro(store, actorOf(request), { caseId: (request.params as Id).id, macroId: b.macroId, text: b.text, macroVersion: b.macroVersion });
      return reply.status(201).send(view);
    });
  };
}
