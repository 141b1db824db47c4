// Which inbound mails are a customer writing, and which are machines answering (issue 7 item 2).
// Auto-replies (RFC 3834 Auto-Submitted, the de-facto X-Autoreply / X-Autorespond, Precedence
// bulk/auto_reply/junk, out-of-office subjects) and bounces (RFC 3464 multipart/report DSNs,
// MAILER-DAEMON / postmaster senders) must never open, reopen or be answered: answering an
// auto-reply is how two robots mail each other forever.

export type InboundKind = 'customer' | 'auto_reply' | 'bounce';

export interface InboundSignals {
  /** Header names lowercased; the first value of each. */
  headers: ReadonlyMap<string, string>;
  fromAddress: string | null;
  subject: string | null;
}

export interface InboundClassification {
  kind: InboundKind;
  /** Why, for the log line and the timeline ("Auto-Submitted: auto-replied"). */
  reason: string | null;
}

const OUT_OF_OFFICE_SUBJECT = new RegExp(
  [
    '^\\s*(auto(matic)?[ -]?(reply|response|antwort)|autoreply)\\b',
    '\\bout of (the )?office\\b',
    '\\bon (annual )?(leave|vacation|holiday)\\b',
    '\\babwesenheitsnotiz\\b',
    '\\bautomatische antwort\\b',
    '\\bréponse automatique\\b',
    '\\brespuesta automática\\b',
    '\\bfuori sede\\b',
  ].join('|'),
  'i',
);

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const BOUNCE_SUBJECT = /^\s*(undeliver(able|ed)( mail)?|delivery status notification \((failure|delay)\)|mail delivery (failed|failure|system)|returned mail|failure notice|delivery failure)\b/i;

export function classifyInbound(mail: InboundSignals): InboundClassification {
  const h = (name: string) => mail.headers.get(name)?.trim() ?? '';
  const contentType = h('content-type').toLowerCase();
  if (/^multipart\/report\b/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) {
    return { kind: 'bounce', reason: 'Content-Type: multipart/report; report-type=delivery-status' };
  }
  const from = mail.fromAddress ?? '';
  if (BOUNCE_SENDER.test(from)) return { kind: 'bounce', reason: `From: ${from}` };
  if (from === '' && h('return-path') === '<>' && BOUNCE_SUBJECT.test(mail.subject ?? '')) {
    return { kind: 'bounce', reason: 'Return-Path: <> and a bounce subject' };
  }

  const autoSubmitted = h('auto-submitted').toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponse']) {
    if (h(name)) return { kind: 'auto_reply', reason: `${name}: ${h(name)}` };
  }
  const precedence = h('precedence').toLowerCase();
  if (precedence === 'bulk' || precedence === 'auto_reply' || precedence === 'junk' || precedence === 'list') {
    return { kind: 'auto_reply', reason: `Precedence: ${precedence}` };
  }
  if (h('x-auto-response-suppress').toLowerCase().includes('all') && OUT_OF_OFFICE_SUBJECT.test(mail.subject ?? '')) {
    return { kind: 'auto_reply', reason: 'X-Auto-Response-Suppress and an out-of-office subject' };
  }
  if (OUT_OF_OFFICE_SUBJECT.test(mail.subject ?? '')) return { kind: 'auto_reply', reason: `out-of-office subject "${mail.subject}"` };
  if (BOUNCE_SUBJECT.test(mail.subject ?? '') && h('return-path') === '<>') return { kind: 'bounce', reason: 'bounce subject with a null sender' };
  return { kind: 'customer', reason: null };
}
