import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from './error-map.js';

/**
 * Serves the built console at / with client-side routing: any unknown non-API GET gets index.html.
 * Unknown API paths stay JSON 404s.
 */
export async function registerConsole(app: FastifyInstance, consoleDir: string | null): Promise<void> {
  if (consoleDir) {
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: false,
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/webhooks/') || request.url === '/healthz';
    if (!isApi && consoleDir && request.method === 'GET') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (!isApi && !consoleDir && request.method === 'GET' && request.url === '/') {
      return reply.type('text/html').send('<!doctype html><title>Ladder</title><p>Ladder is running. The console is not built: run <code>npm run build</code>. API docs: <a href="/api/docs">/api/docs</a>.</p>');
    }
    return reply.status(404).send(errorBody('not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
