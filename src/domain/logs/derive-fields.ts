import type { LogFields, LogTypeDef } from './log-type.js';
import { rushAnswer } from './rush-answer.js';

/**
 * Fields the system keeps current: the rush/change answer follows the order's fulfillment state
 * while the request waits for an answer (R001-05); once answered, the answer given stands.
 */
export function deriveLogFields(type: LogTypeDef, state: string, fields: LogFields, order: { fulfillment: string | null } | null): LogFields {
  if (type.key !== 'rush_change' || state !== 'requested') return fields;
  const fulfillment = order?.fulfillment ?? null;
  return { ...fields, answer: rushAnswer(fulfillment), fulfillmentSeen: fulfillment ?? 'unknown' };
}
