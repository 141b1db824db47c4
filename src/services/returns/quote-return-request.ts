import type { Store } from '../../store/database.js';
import { quoteReturn, type Quote } from '../../domain/returns/quote-return.js';
import { parseReturnRequest } from '../../domain/returns/return-request.js';
import { requirePermission, type Actor } from '../actor.js';
import { clock } from '../clock.js';
import { loadReturnsSettings } from './returns-settings.js';

/**
 * A quote under the policy in force, stored nowhere (returns-quote.md over HTTP): one request or an
 * array of them. A request without `now` is quoted as of the server's clock; with one, as a what-if.
 */
export async function quoteReturnRequest(store: Store, actor: Actor, body: unknown): Promise<Quote | Quote[]> {
  requirePermission(actor, 'returns.read');
  const { returnPolicy } = await loadReturnsSettings(store);
  const now = clock.now();
  if (Array.isArray(body)) return body.map((item, i) => quoteReturn(parseReturnRequest(item, { now, path: `[${i}]` }), returnPolicy));
  return quoteReturn(parseReturnRequest(body, { now }), returnPolicy);
}
