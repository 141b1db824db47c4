import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = { LADDER_DATA_DIR: '/tmp/ladder-config-test' };
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('email configuration (issue 7 item 2)', () => {
  it('leaves the SMTP listener and IMAP polling off by default', () => {
    expect(loadConfig(base)).toMatchObject({ smtpListenPort: null, imapUrl: null, imapPollIntervalMs: 60_000, inboundMailMaxBytes: 26_214_400, inboundMailDefaultCategory: 'order_status' });
  });

  it('needs the desk recipients with a listener, and reads addresses and @domains', () => {
    expect(problemsOf({ SMTP_LISTEN_PORT: '2525' })).toEqual([expect.stringMatching(/^INBOUND_MAIL_RECIPIENTS: required with SMTP_LISTEN_PORT/)]);
    expect(loadConfig({ ...base, SMTP_LISTEN_PORT: '2525', INBOUND_MAIL_RECIPIENTS: 'Support@Shop.example, @returns.shop.example' })).toMatchObject({
      smtpListenPort: 2525, smtpListenHost: '127.0.0.1', inboundMailRecipients: ['support@shop.example', '@returns.shop.example'],
    });
    expect(problemsOf({ INBOUND_MAIL_RECIPIENTS: 'not an address' })).toHaveLength(1);
  });

  it('accepts only imap:// or imaps:// URLs with a user, and poll intervals of at least a second', () => {
    expect(problemsOf({ IMAP_URL: 'https://imap.shop.example' })).toEqual([expect.stringMatching(/^IMAP_URL: expected imap:\/\//)]);
    expect(problemsOf({ IMAP_URL: 'imaps://imap.shop.example' })).toHaveLength(1);
    expect(problemsOf({ IMAP_URL: 'imaps://desk:pw@imap.shop.example/Support', IMAP_POLL_INTERVAL_MS: '10' })).toEqual([expect.stringMatching(/^IMAP_POLL_INTERVAL_MS/)]);
  });
});
