import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Store } from '../../store/database.js';
import type { RouteAccess } from '../request-context.js';
import { actorOf } from '../request-context.js';
import { addInternalNote } from '../../services/cases/add-internal-note.js';
import { recordSignal } from '../../services/cases/record-signal.js';
import { changeCaseStatus } from '../../services/cases/change-case-status.js';
import { assignCase } from '../../services/cases/assign-case.js';
import { escalateCase, deescalateCase } from '../../services/cases/change-case-level.js';
import { changeCasePriority } from '../../services/cases/change-case-priority.js';
import { setCasePromise } from '../../services/cases/set-case-promise.js';
import type { Actor } from '../../services/actor.js';
import type { CaseView } from '../../services/cases/case-view.js';
import { anyObject, errorResponses, idParams } from '../schemas.js';

type Body = Record<string, unknown>;
interface ActionSpec {
  path: string;
  access: RouteAccess;
  summary: string;
  status: 200 | 201;
  body: object;
  run(store: Store, actor: Actor, caseId: string, body: Body): Promise<CaseView>;
}

const str = { type: 'string' } as const;
const idOrNull = { type: ['string', 'integer', 'null'] } as const;

// Each action on a case: validate (schema), authorize (access), call the use case, present.
const ACTIONS: ActionSpec[] = [
  {
    path: 'notes', access: 'cases.note', status: 201, summary: 'Add an internal note',
    body: { type: 'object', required: ['text'], properties: { text: str } },
    run: (store, actor, caseId, b) => addInternalNote(store, actor, { caseId, text: b.text }),
  },
  {
    path: 'signals', access: 'cases.signal', status: 201, summary: 'Record a signal (contract vocabulary); the decision is re-evaluated',
    body: { type: 'object', required: ['signal'], properties: { signal: str, note: str } },
    run: (store, actor, caseId, b) => recordSignal(store, actor, { caseId, signal: b.signal, note: b.note }),
  },
  {
    path: 'status', access: 'cases.status', status: 200, summary: 'Change status (new → open → pending_* → resolved → closed; reopen with a reason)',
    body: { type: 'object', required: ['status'], properties: { status: str, reason: str } },
    run: (store, actor, caseId, b) => changeCaseStatus(store, actor, { caseId, status: b.status, reason: b.reason }),
  },
  {
    path: 'assign', access: 'cases.assign', status: 200, summary: 'Assign to a person and/or team (null to clear)',
    body: { type: 'object', properties: { assigneeId: idOrNull, teamId: idOrNull } },
    run: (store, actor, caseId, b) => assignCase(store, actor, { caseId, ...('assigneeId' in b ? { assigneeId: b.assigneeId } : {}), ...('teamId' in b ? { teamId: b.teamId } : {}) }),
  },
  {
    path: 'escalate', access: 'cases.escalate', status: 200, summary: 'Escalate with a reason (kept as the internal note, R002-08)',
    body: { type: 'object', required: ['reason'], properties: { to: str, reason: str } },
    run: (store, actor, caseId, b) => escalateCase(store, actor, { caseId, to: b.to, reason: b.reason }),
  },
  {
    path: 'deescalate', access: 'cases.deescalate', status: 200, summary: 'De-escalate to a lower level with a reason',
    body: { type: 'object', required: ['to', 'reason'], properties: { to: str, reason: str } },
    run: (store, actor, caseId, b) => deescalateCase(store, actor, { caseId, to: b.to, reason: b.reason }),
  },
  {
    path: 'priority', access: 'cases.escalate', status: 200, summary: 'Set the priority with a reason',
    body: { type: 'object', required: ['priority', 'reason'], properties: { priority: str, reason: str } },
    run: (store, actor, caseId, b) => changeCasePriority(store, actor, { caseId, priority: b.priority, reason: b.reason }),
  },
  {
    path: 'promise', access: 'cases.status', status: 200, summary: 'Record what was promised to the customer and by when (R001-16)',
    body: { type: 'object', required: ['promisedResolution', 'promisedBy'], properties: { promisedResolution: str, promisedBy: str } },
    run: (store, actor, caseId, b) => setCasePromise(store, actor, { caseId, promisedResolution: b.promisedResolution, promisedBy: b.promisedBy }),
  },
];

export function caseActionRoutes(deps: { store: Store }): FastifyPluginAsync {
  return async (app) => {
    for (const action of ACTIONS) {
      app.post(`/cases/:id/${action.path}`, {
        config: { access: action.access },
        schema: { tags: ['cases'], summary: action.summary, params: idParams, body: action.body, response: { [action.status]: anyObject, ...errorResponses } },
      }, async (request: FastifyRequest, reply) => {
        const view = await action.run(deps.store, actorOf(request), (request.params as { id: string }).id, request.body as Body);
        return reply.status(action.status).send(view);
      });
    }
  };
}
