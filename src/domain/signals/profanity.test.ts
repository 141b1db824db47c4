import { describe, expect, it } from 'vitest';
import { findExpletive } from './profanity.js';

const found = (text: string): string | undefined => {
  const span = findExpletive(text);
  return span && text.slice(span.start, span.end);
};

describe('findExpletive (R002-03)', () => {
  it('finds strong expletives in their obfuscated forms', () => {
    expect(found('what the f*ck')).toBe('f*ck');
    expect(found('this is sh1t')).toBe('sh1t');
    expect(found('FUUUUCK this')).toBe('FUUUUCK');
    expect(found('what the f**king hell')).toBe('f**king');
    expect(found('F U C K you')).toBeDefined();
    expect(found('wtf is this')).toBe('wtf');
  });

  it('counts ambiguous words only when aimed at someone', () => {
    expect(found('you absolute dick')).toBe('dick');
    expect(found('My name is Dick Harrison')).toBeUndefined();
    expect(found('what an a$$hole')).toBe('a$$hole');
    expect(found('I passed the class')).toBeUndefined();
  });

  it('does not count mild intensifiers or sexual vocabulary', () => {
    for (const text of ['this damn box', 'cancel the goddamn order', 'bloody hell', 'the sex pistols shirt', 'Scunthorpe']) {
      expect(found(text)).toBeUndefined();
    }
  });

  it('the prefilter never hides a match the matcher would find', () => {
    const variants = ['fuck', 'fuuuck', 'fck', 'fuk', 'f*ck', 'sh1t', 'shiiit', '$hit', 'b1tch', 'b!tch', 'biiitch', 'c*nt', 'cunt', 'bastard', 'b@stard',
      'bollocks', 'tw@t', 'wanker', 'wh0re', 'slut', 'r3tard', 'asshole', 'a$$hole', 'dickhead', 'you dick', 'you pr1ck', 'piss off', 'you c0ck'];
    for (const word of variants) {
      for (const text of [word, `this is ${word}!`, `${word.toUpperCase()} you`, `I said ${word}`]) {
        expect(findExpletive(text, true)).toEqual(findExpletive(text, false));
      }
    }
  });
});
