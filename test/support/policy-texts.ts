import { readDefaultPolicyText } from '../../src/integrations/policy-file.js';

/** The default policy with order-status questions raised to P2: a change a team might try. */
export function urgentWismoPolicy(): string {
  const text = readDefaultPolicyText();
  const changed = text.replace(/(\n\s*order_status:\s*\{[^}]*priority:\s*)P3/, '$1P2');
  if (changed === text) throw new Error('could not find order_status in the default policy');
  return changed;
}
