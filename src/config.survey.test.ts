import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('survey configuration (issue 7 item 3)', () => {
  it('SURVEY_LINK_TTL_DAYS defaults to 14 days and takes 1 to 365', () => {
    expect(loadConfig({}).surveyLinkTtlDays).toBe(14);
    expect(loadConfig({ SURVEY_LINK_TTL_DAYS: '30' }).surveyLinkTtlDays).toBe(30);
  });

  it('a link life outside 1 to 365 days stops the start, naming the variable', () => {
    for (const bad of ['0', '366', '2.5', 'two weeks']) {
      let problems: string[] = [];
      try {
        loadConfig({ SURVEY_LINK_TTL_DAYS: bad });
      } catch (err) {
        problems = (err as ConfigError).problems;
      }
      expect(problems).toEqual([`SURVEY_LINK_TTL_DAYS: expected a whole number from 1 to 365, got "${bad}"`]);
    }
  });
});
