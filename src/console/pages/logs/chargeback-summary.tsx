import type { LogFieldValue } from '../../api/log-types';
import { humanize } from '../../lib/format';
import { formatMinor } from '../../lib/money';

/**
 * What a chargeback entry is about at a glance (R000-08): where it came from, the reason code and
 * the disputed amount — kept in the currency's minor unit and shown as money. Null for other logs.
 */
export function chargebackSummary(type: string, fields: Record<string, LogFieldValue>): string | null {
  if (type !== 'chargeback') return null;
  const amount = typeof fields.amountMinor === 'number' && typeof fields.currency === 'string' ? formatMinor(fields.amountMinor, fields.currency) : null;
  const parts = [
    typeof fields.source === 'string' ? humanize(fields.source) : null,
    typeof fields.platform === 'string' && fields.platform ? fields.platform : null,
    typeof fields.reasonCode === 'string' && fields.reasonCode ? `reason ${fields.reasonCode}` : null,
    amount,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** "= $129.00" beside the minor-unit amount being typed, so 12900 is not mistaken for 12,900.00. */
export function MinorAmountPreview({ minor, currency }: { minor: unknown; currency: unknown }) {
  const n = typeof minor === 'string' && /^-?\d{1,15}$/.test(minor.trim()) ? Number(minor) : typeof minor === 'number' ? minor : null;
  if (n === null || typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency.trim())) return null;
  return <small className="hint" data-testid="amount-preview">= {formatMinor(n, currency.trim().toUpperCase())}</small>;
}
