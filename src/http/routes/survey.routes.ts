import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/database.js';
import { commentFromSurveyLink, rateFromSurveyLink, SurveyLinkError } from '../../services/surveys/answer-survey.js';
import { errorBody } from '../error-map.js';
import { commentThanksPage, surveyErrorPage, thankYouPage } from '../survey-pages.js';

const tokenParams = { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 200 } } } as const;

/** Customers' browsers get HTML; a client asking for JSON gets the same answer as JSON. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    // A personal link: never indexed.
    .header('x-robots-tag', 'noindex, nofollow')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .send(html);
}

function refuse(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  if (!(err instanceof SurveyLinkError)) throw err;
  reply.header('x-ladder-error-code', err.code);
  if (wantsJson(request)) return reply.status(err.status).send(errorBody(err.code, err.message, err.field));
  return sendPage(reply, err.status, surveyErrorPage(err.code, err.message));
}

/**
 * GET /survey/:token records the rating the one-click link carries and thanks the customer, with a
 * form for an optional comment; POST /survey/:token/comment takes it (issue 7 item 3). Public: the
 * signed, single-use, expiring link is the credential.
 */
export function surveyRoutes(deps: { store: Store }): FastifyPluginAsync {
  const { store } = deps;
  return async (app) => {
    // The comment form posts urlencoded; only these routes accept it.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    app.get('/survey/:token', {
      config: { access: 'public' },
      schema: { hide: true, params: tokenParams },
    }, async (request, reply) => {
      const { token } = request.params as { token: string };
      try {
        const answer = await rateFromSurveyLink(store, token);
        if (wantsJson(request)) return reply.send(answer);
        return sendPage(reply, 200, thankYouPage({ score: answer.score, scale: answer.scale, commentAction: `/survey/${encodeURIComponent(token)}/comment` }));
      } catch (err) {
        return refuse(request, reply, err);
      }
    });

    app.post('/survey/:token/comment', {
      config: { access: 'public' },
      schema: { hide: true, params: tokenParams },
    }, async (request, reply) => {
      const { token } = request.params as { token: string };
      const body = (request.body ?? {}) as { comment?: unknown };
      try {
        const answer = await commentFromSurveyLink(store, token, body.comment);
        if (wantsJson(request)) return reply.send(answer);
        return sendPage(reply, 200, commentThanksPage());
      } catch (err) {
        return refuse(request, reply, err);
      }
    });
  };
}
