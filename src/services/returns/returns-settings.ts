import type { Store } from '../../store/database.js';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import { createBusinessCalendar } from '../../domain/calendar/create-business-calendar.js';
import { parseReturnPolicy } from '../../domain/returns/return-policy.parse.js';
import type { ReturnPolicy } from '../../domain/returns/return-policy.js';
import { parseRmaSettings, type RmaSettings } from '../../domain/returns/rma-settings.parse.js';
import { policySettingsLoader } from '../policy/policy-settings-loader.js';

/** What returns need from the policy in force: the return policy, RMA settings and the calendar. */
export interface ReturnsSettings {
  policyVersion: number;
  returnPolicy: ReturnPolicy;
  rma: RmaSettings;
  /** The policy's business calendar: RMA targets count in it (R004-05 business days). */
  calendar: BusinessCalendar;
}

/** Read once per policy version in force (policy-settings-loader.ts). */
export const loadReturnsSettings: (store: Store) => Promise<ReturnsSettings> = policySettingsLoader((policy, source, policyVersion) => {
  const section = policy.raw.returns;
  return {
    policyVersion,
    returnPolicy: parseReturnPolicy(section, source),
    rma: parseRmaSettings(section, source),
    calendar: createBusinessCalendar(policy.calendar),
  };
});
