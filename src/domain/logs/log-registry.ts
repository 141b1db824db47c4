import type { LogTypeDef } from './log-type.js';
import { OUT_OF_STOCK } from './types/out-of-stock.log.js';
import { PROCESSING_DELAY } from './types/processing-delay.log.js';
import { INCORRECT_ADDRESS } from './types/incorrect-address.log.js';
import { PICKUP } from './types/pickup.log.js';
import { RETURN_TO_SENDER } from './types/return-to-sender.log.js';
import { ITEM_ISSUE } from './types/item-issue.log.js';
import { RUSH_CHANGE } from './types/rush-change.log.js';
import { STORE_TRANSFER } from './types/store-transfer.log.js';
import { STORE_RETURN } from './types/store-return.log.js';
import { CHARGEBACK } from './types/chargeback.log.js';
import { invalidInput } from '../errors.js';

/** Every log type, in the order forms list them. */
export const LOG_TYPES: readonly LogTypeDef[] = [
  OUT_OF_STOCK, PROCESSING_DELAY, INCORRECT_ADDRESS, PICKUP, RETURN_TO_SENDER, ITEM_ISSUE, RUSH_CHANGE, STORE_TRANSFER, STORE_RETURN, CHARGEBACK,
];

const BY_KEY = new Map(LOG_TYPES.map((t) => [t.key, t]));

export function findLogType(key: string): LogTypeDef | undefined {
  return BY_KEY.get(key);
}

export function logTypeOf(key: unknown, field = 'type'): LogTypeDef {
  const t = typeof key === 'string' ? BY_KEY.get(key) : undefined;
  if (!t) throw invalidInput(field, `expected a log type: ${LOG_TYPES.map((l) => l.key).join(', ')}`);
  return t;
}

export function stateOf(type: LogTypeDef, key: string) {
  return type.states.find((s) => s.key === key);
}
