import { describe, expect, it } from 'vitest';
import { isNegated } from './negation.js';

/** Whether the phrase `target` inside `text` (already in prepared form) is governed by a negation. */
const negated = (text: string, target: string): boolean => isNegated(text, text.indexOf(target));

describe('isNegated', () => {
  it('a cue a few words before the phrase negates it', () => {
    expect(negated('no need for a lawyer', 'a lawyer')).toBe(true);
    expect(negated('im not going to sue', 'sue')).toBe(true);
    expect(negated('i dont want to get lawyers involved', 'get lawyers')).toBe(true);
    expect(negated('i have no intention of suing', 'suing')).toBe(true);
  });

  it('a cue in an earlier clause does not reach the phrase', () => {
    expect(negated('im not happy, call me', 'call me')).toBe(false);
    expect(negated('i dont care but i will sue', 'sue')).toBe(false);
    expect(negated('dont email me again. call me', 'call me')).toBe(false);
  });

  it('a new subject or connective ends the scope', () => {
    expect(negated('if i dont get my money back im calling my lawyer', 'my lawyer')).toBe(false);
    expect(negated('im not waiting and i will dispute it', 'dispute')).toBe(false);
  });

  it('a negation inside a conditional clause does not negate the main clause', () => {
    expect(negated('if this isnt sorted my lawyer will handle it', 'my lawyer')).toBe(false);
  });

  it('rhetorical questions, "dont make me" and double negation are not negations', () => {
    expect(negated('why wont you let me talk to a manager', 'talk to')).toBe(false);
    expect(negated('cant you just call me', 'call me')).toBe(false);
    expect(negated('dont make me go on reddit', 'go on')).toBe(false);
    expect(negated('dont think i wont take this to court', 'take this')).toBe(false);
  });

  it('"no" as an interjection is not a negation', () => {
    expect(negated('no i want a refund', 'want')).toBe(false);
    expect(negated('no thanks i want a manager', 'a manager')).toBe(false);
  });
});
