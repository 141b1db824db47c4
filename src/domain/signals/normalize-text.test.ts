import { describe, expect, it } from 'vitest';
import { originalSpan, prepareText, projectBlanks } from './normalize-text.js';

describe('prepareText', () => {
  it('lower-cases and drops apostrophes so patterns see one spelling', () => {
    expect(prepareText("I'll SUE, don't test me").text).toBe('ill sue, dont test me');
    expect(prepareText('I’m here').text).toBe('im here');
  });

  it('collapses stretched letters but keeps doubled letters and one-letter words', () => {
    expect(prepareText('caaaall meeee').text).toBe('call me');
    expect(prepareText('managerrrr pleaseee').text).toBe('manager please');
    expect(prepareText('report you to the BBB, www').text).toBe('report you to the bbb, www');
  });

  it('folds fancy Unicode letters and curly quotes', () => {
    expect(prepareText('𝓘 𝔀𝓪𝓷𝓽').text).toBe('i want');
    expect(prepareText('“quoted”').text).toBe('"quoted"');
  });

  it('maps every prepared character back to the original text', () => {
    const prepared = prepareText("I'll have my ATTORNEEEY call");
    const start = prepared.text.indexOf('my attorney');
    expect(originalSpan(prepared, start, start + 'my attorney'.length)).toBe('my ATTORNEEEY');
  });

  it('projects blanked positions back onto the original', () => {
    const prepared = prepareText('Hi "sooo quoted" there');
    const blanked = prepared.text.replace('"so quoted"', ' '.repeat('"so quoted"'.length));
    expect(projectBlanks(prepared, blanked)).toBe(`Hi ${' '.repeat('"sooo quoted"'.length)} there`);
  });
});
