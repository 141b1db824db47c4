import { describe, expect, it } from 'vitest';
import { normalizeMessageId, parseMessageIdList } from './message-id.js';

describe('Message-IDs as thread keys', () => {
  it('drop the brackets and lowercase only the domain', () => {
    expect(normalizeMessageId(' <CAF7q1mK@Mail.Example.NET> ')).toBe('CAF7q1mK@mail.example.net');
    expect(normalizeMessageId('')).toBeNull();
  });

  it('read every id of a References header, first occurrence first, without repeats', () => {
    expect(parseMessageIdList('<a@x.test>\r\n <b@X.test> <a@x.test>')).toEqual(['a@x.test', 'b@x.test']);
    expect(parseMessageIdList(undefined)).toEqual([]);
  });
});
