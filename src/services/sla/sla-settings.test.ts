import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_BREACH_SETTINGS, readBreachSettings, readOrderSlaSettings } from './sla-settings.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.field;
    throw err;
  }
  return undefined;
}

describe('SLA settings from the policy', () => {
  it('without a slaBreach section: warn at 80%, escalate on a missed resolution only (R001-13)', () => {
    expect(readBreachSettings({})).toEqual({ warnFraction: 0.8, escalateOn: ['resolution'] });
    expect(readBreachSettings({})).toBe(DEFAULT_BREACH_SETTINGS);
  });

  it('a slaBreach section sets the warning share and which breaches escalate', () => {
    expect(readBreachSettings({ slaBreach: { warnFraction: 0.5, escalateOn: ['first_response', 'resolution'] } }))
      .toEqual({ warnFraction: 0.5, escalateOn: ['first_response', 'resolution'] });
    expect(readBreachSettings({ slaBreach: { escalateOn: [] } }).escalateOn).toEqual([]);
  });

  it('a bad setting names its field', () => {
    expect(fieldOf(() => readBreachSettings({ slaBreach: { warnFraction: 1 } }))).toBe('slaBreach.warnFraction');
    expect(fieldOf(() => readBreachSettings({ slaBreach: { escalateOn: ['lunch'] } }))).toBe('slaBreach.escalateOn[0]');
    expect(fieldOf(() => readBreachSettings({ slaBreach: 'yes' }))).toBe('slaBreach');
  });

  it('order SLAs default to the seed targets and open cases (R003-02, R003-05)', () => {
    expect(readOrderSlaSettings({})).toEqual({
      openCases: true,
      targets: { processingBusinessDays: 4, domesticShippingBusinessDays: 10, internationalShippingBusinessDays: 20, labelStaleCalendarDays: 5, lostInTransitQuietCalendarDays: 5 },
    });
    const custom = readOrderSlaSettings({ orderSla: { openCases: false, processingBusinessDays: 2 } });
    expect(custom.openCases).toBe(false);
    expect(custom.targets.processingBusinessDays).toBe(2);
    expect(fieldOf(() => readOrderSlaSettings({ orderSla: { domesticShippingBusinessDays: 1.5 } }))).toBe('orderSla.domesticShippingBusinessDays');
  });
});
