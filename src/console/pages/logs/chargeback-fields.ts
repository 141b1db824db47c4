import type { LogFieldValue } from '../../api/log-types.js';
import { humanize } from '../../lib/format.js';
import { formatMinor } from '../../lib/money.js';

/**
 * What a chargeback entry is about at a glance (R000-08): where it came from, the reason code and
 * the disputed amount — kept in the currency's minor unit and shown as money. Null for other logs.
 */
export function chargebackSummary(type: string, fields: Record<string, LogFieldValue>, locale?: string): string | null {
  if (type !== 'chargeback') return null;
  const amount = typeof fields.amountMinor === 'number' && typeof fields.currency === 'string' ? formatMinor(fields.amountMinor, fields.currency, locale) : null;
  const parts = [
    typeof fields.source === 'string' ? humanize(fields.source) : null,
    typeof fields.platform === 'string' && fields.platform ? fields.platform : null,
    typeof fields.reasonCode === 'string' && fields.reasonCode ? `reason ${fields.reasonCode}` : null,
    amount,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
