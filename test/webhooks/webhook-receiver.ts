import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/integrations/webhooks/webhook-signature.js';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: Record<string, unknown>;
  verified: boolean;
}

/**
 * A real local HTTP receiver, written the way the README tells integrators to: it reads the raw
 * bytes, checks X-Ladder-Signature against them with the path's secret before parsing anything,
 * and answers 401 when the signature is wrong. `status` decides the answer to a verified request.
 */
export async function startWebhookReceiver(): Promise<{
  urlFor(path: string): string;
  secrets: Map<string, string>;
  status: Map<string, number>;
  received: ReceivedDelivery[];
  close(): Promise<void>;
}> {
  const secrets = new Map<string, string>();
  const status = new Map<string, number>();
  const received: ReceivedDelivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const verified = verifyWebhookSignature(secrets.get(path) ?? '', raw, req.headers['x-ladder-signature'] as string | undefined);
      received.push({ path, headers: req.headers, raw, body: verified ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {}, verified });
      res.statusCode = verified ? status.get(path) ?? 200 : 401;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (path) => `http://127.0.0.1:${port}${path}`,
    secrets, status, received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
