// The HTTP ceiling for the API benchmark: Fastify answering POST with 201 and doing nothing else,
// in its own process like the desk. Whatever the desk does per request comes on top of this.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/*', async (_request, reply) => reply.status(201).send({ ok: true }));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.stdout.write('ready\n');
