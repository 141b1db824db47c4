import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhookBody } from './webhook-signature.js';

export interface WebhookRequest {
  url: string;
  secret: string;
  event: string;
  /** Stable per notification: the receiver's idempotency key (a retry carries the same id). */
  deliveryId: string;
  body: string;
}

export interface WebhookResponse {
  status: number;
}

export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

export class WebhookDeliveryError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

/**
 * POSTs a signed JSON body. Any 2xx is delivered; anything else (or no answer within the timeout)
 * throws, and the delivery job retries with backoff.
 */
export function createWebhookSender(options: { timeoutMs?: number; userAgent?: string; nowMs?: () => number } = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const nowMs = options.nowMs ?? Date.now;
  return async (request) => {
    // Wall-clock time, not the desk's clock: the receiver compares it with its own (replay window).
    const timestamp = Math.floor(nowMs() / 1000);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': options.userAgent ?? 'Ladder-Webhooks/1',
          [EVENT_HEADER]: request.event,
          [DELIVERY_HEADER]: request.deliveryId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhookBody(request.secret, request.body, timestamp),
        },
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new WebhookDeliveryError(`POST ${request.url} failed: ${(err as Error).message}`, null);
    }
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) {
      throw new WebhookDeliveryError(`POST ${request.url} answered ${response.status}`, response.status);
    }
    return { status: response.status };
  };
}
