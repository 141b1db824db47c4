import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

describe('policy line diff', () => {
  it('shows removed and added lines with their line numbers', () => {
    const out = lineDiff('a\nb\nc', 'a\nB\nc\nd', 'v1', 'v2');
    expect(out).toBe('--- v1\n+++ v2\n-2: b\n+2: B\n+4: d\n');
  });
  it('is empty for identical texts', () => {
    expect(lineDiff('x\ny', 'x\ny', 'a', 'b')).toBe('');
  });
});
