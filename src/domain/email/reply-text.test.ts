import { describe, expect, it } from 'vitest';
import { htmlToText, stripQuotedReply } from './reply-text.js';

describe('the new text of a reply', () => {
  it('stops at the "On … wrote:" line so quoted history is not read for signals again', () => {
    expect(stripQuotedReply('No, thanks.\n\nOn Fri, 20 Nov 2026 at 16:30, Desk <d@x.test> wrote:\n> I will call my lawyer')).toBe('No, thanks.');
  });

  it('stops at an Outlook header block but keeps a sentence that starts with "From:"', () => {
    expect(stripQuotedReply('Still broken.\r\n\r\nFrom: Desk <d@x.test>\r\nSent: Friday\r\nSubject: Re: x\r\n\r\nold')).toBe('Still broken.');
    expect(stripQuotedReply('From: what I can see, it never shipped.')).toBe('From: what I can see, it never shipped.');
  });

  it('drops a trailing block of ">" lines and keeps the whole text when everything is quoted', () => {
    expect(stripQuotedReply('Thanks!\n> earlier\n> text\n')).toBe('Thanks!');
    expect(stripQuotedReply('> only quoted')).toBe('> only quoted');
  });

  it('reads HTML-only mail as text without scripts, styles or quoted blocks', () => {
    expect(htmlToText('<style>p{}</style><p>Hi&nbsp;there &amp; thanks</p><blockquote>old</blockquote><div>Line 2<br>Line 3</div>')).toBe('Hi there & thanks\nLine 2\nLine 3');
  });
});
