import { formatMinor } from '../../lib/money';

/** "= $129.00" beside the minor-unit amount being typed, so 12900 is not mistaken for 12,900.00. */
export function MinorAmountPreview({ minor, currency }: { minor: unknown; currency: unknown }) {
  const n = typeof minor === 'string' && /^-?\d{1,15}$/.test(minor.trim()) ? Number(minor) : typeof minor === 'number' ? minor : null;
  if (n === null || typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency.trim())) return null;
  return <small className="hint" data-testid="amount-preview">= {formatMinor(n, currency.trim().toUpperCase())}</small>;
}
