import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ingestInboundEmail } from '../../src/services/email/ingest-inbound-email.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { changeCaseStatus } from '../../src/services/cases/change-case-status.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import { countEmailMessages, listRecentEmailMessages } from '../../src/store/repositories/email-message.repository.js';
import { DomainError } from '../../src/domain/errors.js';
import { DESK_SETTINGS, fixture, plainMail } from './email-kit.js';

// Inbound mail opens and continues cases (issue 7 item 2), on both databases.
const dialects = await availableDialects();

describe.each(dialects)('inbound email on %s', (dialect) => {
  let t: TestApp;
  let caseId: number;
  let replyId: string;
  const ingest = (raw: Buffer, source: 'smtp' | 'imap' | 'cli' = 'smtp') => ingestInboundEmail(t.store, raw, { source, settings: DESK_SETTINGS });
  const view = (id: number) => getCase(t.store, t.actors.admin, { id });

  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('a customer mail opens an email case: customer by address, order linked, photo kept, executable refused', async () => {
    const r = await ingest(fixture('01-new-damaged-with-photo.eml'));
    expect(r).toMatchObject({ outcome: 'opened_case', messageId: 'CAF7q1mK2x9d0Zp3LrY8uW@mail.example.net', attachments: { kept: 1 } });
    expect(r.attachments.skipped).toEqual([expect.objectContaining({ fileName: 'invoice.exe' })]);
    caseId = r.caseId!;
    const c = await view(caseId);
    expect(c).toMatchObject({ channel: 'email', category: 'damaged_item', subject: 'Mug arrived broken – order ORD-20261101-0042' });
    expect(c.customer).toMatchObject({ email: 'maria.okafor@example.net', name: 'Maria Okafor' });
    expect(c.order).toMatchObject({ number: 'ORD-20261101-0042' });
    expect(c.attachments).toEqual([expect.objectContaining({ fileName: 'IMG_2041.png', contentType: 'image/png' })]);
    const messages = c.timeline.filter((e) => e.type === 'message');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.data.text).toMatch(/^Hello,\n\nmy order ORD-20261101-0042 came today/);
    expect(messages[0]!.actor.kind).toBe('customer');
  });

  it('the same mail again, fetched by IMAP after it came by SMTP, lands once (dedupe by Message-ID)', async () => {
    const again = await ingest(fixture('01-new-damaged-with-photo.eml'), 'imap');
    expect(again).toMatchObject({ outcome: 'duplicate', caseId });
    expect((await view(caseId)).timeline.filter((e) => e.type === 'message')).toHaveLength(1);
  });

  it('the same new mail delivered twice at once opens one case', async () => {
    const raw = plainMail({ from: 'Tom Berg <tom@example.org>', subject: 'Where is my order?', text: 'It has been two weeks.', messageId: 'race-1@example.org' });
    const [a, b] = await Promise.all([ingest(raw), ingest(raw, 'imap')]);
    expect([a.outcome, b.outcome].sort()).toEqual(['duplicate', 'opened_case']);
    expect(a.caseId).toBe(b.caseId);
  });

  it('an agent reply on an email case queues one threaded email with the case token', async () => {
    await addCaseMessage(t.store, t.actors.agent, { caseId, from: 'agent', text: 'Dear Maria, we can offer a 10 euro voucher.' });
    const rows = await listOutbox(t.store.db, { caseId, channel: 'email', limit: 10 });
    expect(rows).toHaveLength(1);
    const out = (await listRecentEmailMessages(t.store.db, 10)).find((m) => m.direction === 'outbound' && m.caseId === caseId)!;
    replyId = out.messageId;
    expect(rows[0]!.payload).toMatchObject({
      to: 'maria.okafor@example.net', from: 'support@shop.test', subject: `Re: Mug arrived broken – order ORD-20261101-0042 [#LAD-${caseId}]`,
      messageId: `<${replyId}>`, inReplyTo: '<CAF7q1mK2x9d0Zp3LrY8uW@mail.example.net>', references: ['<CAF7q1mK2x9d0Zp3LrY8uW@mail.example.net>'],
    });
    expect(replyId).toMatch(new RegExp(`^ladder-${caseId}-[0-9a-f]{24}@shop\\.test$`));
  });

  it('a note or a reply on a case that never came by email sends no email', async () => {
    const other = (await ingest(plainMail({ from: 'x@example.org', subject: 'hi', text: 'hello', messageId: 'n-1@example.org' }))).caseId!;
    const before = (await listOutbox(t.store.db, { channel: 'email', limit: 100 })).length;
    const { openCase } = await import('../../src/services/cases/open-case.js');
    const phone = await openCase(t.store, t.actors.agent, { body: { category: 'order_status', channel: 'phone', customer: { id: 'PHONE-1', email: 'p@example.org' } } });
    await addCaseMessage(t.store, t.actors.agent, { caseId: phone.id, from: 'agent', text: 'Called back.' });
    expect((await listOutbox(t.store.db, { channel: 'email', limit: 100 })).length).toBe(before);
    expect(other).toBeGreaterThan(0);
  });

  it('the customer reply threads by In-Reply-To, quoted history is cut, and its chargeback threat re-decides the case (R002-06)', async () => {
    const before = await view(caseId);
    const r = await ingest(fixture('02-reply-in-reply-to.eml', { replyTo: replyId, token: `[#LAD-${caseId}]` }));
    expect(r).toMatchObject({ outcome: 'added_message', caseId, threadedBy: 'in_reply_to' });
    const after = await view(caseId);
    const last = after.timeline.filter((e) => e.type === 'message').at(-1)!;
    expect(last.data.text).toMatch(/dispute the charge with my bank\.\n\nMaria$/);
    expect(last.data.text).not.toContain('voucher for your next order');
    expect(before.escalated).toBe(false);
    expect(after.escalated).toBe(true);
  });

  it('an out-of-office on the thread is an internal entry: the resolved case stays resolved and gets no reply', async () => {
    await changeCaseStatus(t.store, t.actors.admin, { caseId, status: 'resolved' });
    const outboxBefore = (await listOutbox(t.store.db, { caseId, limit: 100 })).length;
    const r = await ingest(fixture('03-out-of-office.eml', { replyTo: replyId, token: `[#LAD-${caseId}]` }));
    expect(r).toMatchObject({ outcome: 'auto_reply', caseId, reason: 'Auto-Submitted: auto-replied' });
    const c = await view(caseId);
    expect(c.status).toBe('resolved');
    expect(c.timeline.at(-1)).toMatchObject({ type: 'email_ignored', internal: true, data: { kind: 'auto_reply' } });
    expect(c.timeline.filter((e) => e.type === 'message' && e.actor.kind === 'customer')).toHaveLength(2);
    expect((await listOutbox(t.store.db, { caseId, limit: 100 })).length).toBe(outboxBefore);
  });

  it('a DSN bounce of our reply is recorded on that case, never as a customer message', async () => {
    const r = await ingest(fixture('04-dsn-bounce.eml', { replyTo: replyId, token: `[#LAD-${caseId}]` }));
    expect(r).toMatchObject({ outcome: 'bounce', caseId });
    expect((await view(caseId)).timeline.at(-1)).toMatchObject({ type: 'email_ignored', data: { kind: 'bounce', from: 'mailer-daemon@mx.example.org' } });
  });

  it('an auto-reply with no thread opens nothing and is only logged', async () => {
    const lines: string[] = [];
    const r = await ingestInboundEmail(t.store, plainMail({ from: 'news@example.com', subject: 'Our November deals', text: 'Sale!', messageId: 'bulk-1@example.com', headers: { Precedence: 'bulk' } }), {
      source: 'imap', settings: DESK_SETTINGS, log: (m) => lines.push(m),
    });
    expect(r).toMatchObject({ outcome: 'auto_reply', caseId: null });
    expect(lines).toEqual(['inbound auto_reply not treated as a customer message']);
  });

  it('a subject token threads only mail from the case customer; a stranger quoting it opens a new case', async () => {
    const token = `[#LAD-${caseId}]`;
    const stranger = await ingest(plainMail({ from: 'eve@example.org', subject: `Re: hello ${token}`, text: 'Please refund me to this card instead.', messageId: 'eve-1@example.org' }));
    expect(stranger.outcome).toBe('opened_case');
    expect(stranger.caseId).not.toBe(caseId);
    const own = await ingest(plainMail({ from: 'maria.okafor@example.net', subject: `Any news? ${token}`, text: 'Any news on the replacement?', messageId: 'maria-3@example.net' }));
    expect(own).toMatchObject({ outcome: 'added_message', caseId, threadedBy: 'subject_token' });
    expect((await view(caseId)).status).toBe('open');
  });

  it('a mail to a closed case opens a follow-up case for the same customer', async () => {
    await changeCaseStatus(t.store, t.actors.admin, { caseId, status: 'resolved' });
    await changeCaseStatus(t.store, t.actors.admin, { caseId, status: 'closed' });
    const r = await ingest(plainMail({ from: 'maria.okafor@example.net', subject: `Re: Mug [#LAD-${caseId}]`, text: 'The replacement is broken too.', messageId: 'maria-4@example.net' }));
    expect(r.outcome).toBe('opened_case');
    const followUp = await view(r.caseId!);
    expect(followUp.customer).toMatchObject({ email: 'maria.okafor@example.net' });
    expect(followUp.timeline.some((e) => e.type === 'note' && e.data.text === `Follow-up by email to closed case #${caseId}`)).toBe(true);
    expect((await view(caseId)).status).toBe('closed');
  });

  it('refuses a message over the size limit, naming it', async () => {
    const big = plainMail({ from: 'a@example.org', subject: 'big', text: 'x'.repeat(2 * 1024 * 1024), messageId: 'big@example.org' });
    const err = await ingest(big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'payload_too_large', field: 'message' });
  });

  it('keeps a count per direction and outcome', async () => {
    const counts = await countEmailMessages(t.store.db);
    expect(counts).toEqual(expect.arrayContaining([
      { direction: 'inbound', disposition: 'auto_reply', count: 2 },
      { direction: 'inbound', disposition: 'bounce', count: 1 },
      { direction: 'outbound', disposition: 'reply', count: 1 },
    ]));
  });
});
