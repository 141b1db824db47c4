import type { Executor } from '../../store/database.js';
import { findOpenLogsOfTypeBySku, findOpenSkuPeers, insertLogLinks, type CaseLogRecord } from '../../store/repositories/case-log.repository.js';
import { findOrderByNumber, type OrderRecord } from '../../store/repositories/order.repository.js';
import { invalidInput } from '../../domain/errors.js';

const SHIPPED = new Set(['shipped', 'delivered', 'returned_to_sender']);

/**
 * "Affecting other orders?" (R001-06): an out-of-stock entry links every other open order whose
 * entry carries the same SKU, and an order logged later with that SKU joins the open
 * out-of-stock entries. Orders leave no line items in Ladder, so a SKU is known from entries.
 */
export async function linkSameSku(trx: Executor, log: CaseLogRecord, order: OrderRecord | null, at: string): Promise<number> {
  if (!log.sku || log.closedAt !== null) return 0;
  const links: Parameters<typeof insertLogLinks>[1] = [];
  if (log.type === 'out_of_stock') {
    for (const peer of await findOpenSkuPeers(trx, log.sku, log.id)) {
      if (peer.caseId === log.caseId || peer.orderId === order?.id) continue;
      links.push({ logId: log.id, orderId: peer.orderId, linkedLogId: peer.logId, reason: 'same_sku', at });
    }
  }
  if (order && !SHIPPED.has(order.fulfillment ?? '')) {
    for (const oos of await findOpenLogsOfTypeBySku(trx, 'out_of_stock', log.sku, log.id)) {
      if (oos.caseId !== log.caseId) links.push({ logId: oos.logId, orderId: order.id, linkedLogId: log.id, reason: 'same_sku', at });
    }
  }
  return insertLogLinks(trx, links);
}

/** Orders a person names as affected; an unknown number is bad input, named by its position. */
export async function linkNamedOrders(trx: Executor, log: CaseLogRecord, numbers: unknown, at: string): Promise<void> {
  if (!Array.isArray(numbers)) return;
  const links: Parameters<typeof insertLogLinks>[1] = [];
  for (const [i, number] of (numbers as string[]).entries()) {
    const order = await findOrderByNumber(trx, number);
    if (!order) throw invalidInput(`fields.affectedOrderNumbers[${i}]`, `no order ${number}`);
    links.push({ logId: log.id, orderId: order.id, linkedLogId: null, reason: 'named', at });
  }
  await insertLogLinks(trx, links);
}
