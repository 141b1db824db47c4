import { describe, expect, it } from 'vitest';
import { isKnownHolidayPreset, isPresetHoliday, publicHolidayDates } from './holiday-presets.js';

describe('date-holidays presets', () => {
  it('US 2026 public holidays include Thanksgiving and the observed Independence Day (Fri 3 July)', () => {
    const dates = publicHolidayDates('US', 2026);
    expect(dates.has('2026-11-26')).toBe(true);
    expect(dates.has('2026-07-03')).toBe(true);
    expect(dates.has('2026-03-17')).toBe(false); // St Patrick's Day is an observance, not a day off
  });

  it('a state preset adds its own days (US-CA: César Chávez Day, day after Thanksgiving)', () => {
    expect(isPresetHoliday('US-CA', '2026-03-31')).toBe(true);
    expect(isPresetHoliday('US', '2026-03-31')).toBe(false);
    expect(isPresetHoliday('US-CA', '2026-11-27')).toBe(true);
  });

  it('only public holidays count (GB-ENG: Easter Monday yes, bank-holiday-only days of other nations no)', () => {
    expect(isPresetHoliday('GB-ENG', '2026-04-06')).toBe(true);
    expect(isPresetHoliday('GB-ENG', '2026-03-17')).toBe(false);
  });

  it('caches one list per preset and year', () => {
    expect(publicHolidayDates('AU-NSW', 2027)).toBe(publicHolidayDates('AU-NSW', 2027));
  });

  it('knows real countries, states and regions and rejects the rest', () => {
    expect(isKnownHolidayPreset('US')).toBe(true);
    expect(isKnownHolidayPreset('US-CA')).toBe(true);
    expect(isKnownHolidayPreset('DE-BY')).toBe(true);
    expect(isKnownHolidayPreset('XX')).toBe(false);
    expect(isKnownHolidayPreset('US-XX')).toBe(false);
    expect(isKnownHolidayPreset('US CA')).toBe(false);
  });
});
