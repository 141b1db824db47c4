import { describe, expect, it } from 'vitest';
import { readSurveyToken, signSurveyToken, surveyTokenMatches } from './survey-token.js';
import { csatOf } from './csat.js';

describe('survey links and CSAT (issue 7 item 3, R004-09, R004-11)', () => {
  const key = 'k'.repeat(64);

  it('a link names its invitation and score and verifies only with its key', () => {
    const token = signSurveyToken(key, { invitationId: 12, score: 4 });
    const read = readSurveyToken(token)!;
    expect(read).toMatchObject({ invitationId: 12, score: 4 });
    expect(surveyTokenMatches(key, read)).toBe(true);
    expect(surveyTokenMatches('other', read)).toBe(false);
  });

  it('editing the score or the invitation in a link breaks its signature', () => {
    const token = signSurveyToken(key, { invitationId: 12, score: 1 });
    expect(surveyTokenMatches(key, readSurveyToken(token.replace(/^12\.1\./, '12.5.'))!)).toBe(false);
    expect(surveyTokenMatches(key, readSurveyToken(token.replace(/^12\./, '13.'))!)).toBe(false);
  });

  it('only tokens shaped like links are read (scores 1 to 5)', () => {
    const sig = 'a'.repeat(43);
    expect(readSurveyToken(`1.6.${sig}`)).toBeNull();
    expect(readSurveyToken(`1.0.${sig}`)).toBeNull();
    expect(readSurveyToken('hello')).toBeNull();
    expect(readSurveyToken(`1.3.${sig}x`)).toBeNull();
  });

  it('CSAT is the share of 4s and 5s; the average is kept beside it', () => {
    expect(csatOf([5, 4, 3, 1])).toEqual({ responses: 4, satisfied: 2, csat: 0.5, averageScore: 3.25, scale: 5 });
    expect(csatOf([])).toEqual({ responses: 0, satisfied: 0, csat: null, averageScore: null, scale: 5 });
    expect(csatOf([5, 5, 4]).csat).toBe(1);
  });
});
