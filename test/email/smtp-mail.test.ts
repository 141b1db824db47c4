import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type Transporter } from 'nodemailer';
import PostalMime from 'postal-mime';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { loadConfig } from '../../src/config.js';
import { startMailIntake } from '../../src/services/email/mail-intake.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { addCaseMessage } from '../../src/services/cases/add-case-message.js';
import { getCase } from '../../src/services/cases/get-case.js';
import { findEmailMessage } from '../../src/store/repositories/email-message.repository.js';
import { listOutbox } from '../../src/store/repositories/outbox.repository.js';
import type { SmtpListener } from '../../src/integrations/email/smtp-listener.js';
import { fixture, startRawSmtpSink, waitFor } from './email-kit.js';

// Real SMTP both ways (issue 7 item 2): nodemailer delivers into our listener; the outbox sends
// agent replies through nodemailer to a real SMTP server (smtp-server as the customer's MX).
const dialects = await availableDialects();

describe.each(dialects)('email over SMTP on %s', (dialect) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startRawSmtpSink>>;
  let intake: SmtpListener;
  let worker: Worker;
  let client: Transporter;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sink = await startRawSmtpSink();
    const config = loadConfig({
      LADDER_DATA_DIR: t.store.dataDir, LOG_LEVEL: 'silent', SMTP_URL: sink.url, MAIL_FROM: 'Shop Support <desk@shop.test>',
      SMTP_LISTEN_PORT: '0', INBOUND_MAIL_RECIPIENTS: 'support@shop.test,@returns.shop.test', INBOUND_MAIL_MAX_BYTES: '100000',
      JOB_POLL_INTERVAL_MS: '50', SLA_SWEEP_INTERVAL_MS: '60000',
    });
    intake = (await startMailIntake({ store: t.store, config }))!;
    worker = startWorker({ store: t.store, config });
    client = createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    client?.close();
    await intake?.close();
    await worker?.stop();
    await sink?.close();
    await t?.close();
  });

  it('a mail delivered over SMTP is a case by the time the listener answers 250', async () => {
    const info = await client.sendMail({ envelope: { from: 'maria.okafor@example.net', to: ['support@shop.test'] }, raw: fixture('01-new-damaged-with-photo.eml') });
    expect(info.accepted).toEqual(['support@shop.test']);
    const stored = await findEmailMessage(t.store.db, 'CAF7q1mK2x9d0Zp3LrY8uW@mail.example.net');
    expect(stored).toMatchObject({ source: 'smtp', disposition: 'opened_case', to: ['support@shop.test'] });
    expect((await getCase(t.store, t.actors.admin, { id: stored!.caseId })).attachments).toHaveLength(1);
  });

  it('refuses recipients that are not the desk (550) and messages over INBOUND_MAIL_MAX_BYTES (552)', async () => {
    const wrong = await client.sendMail({ from: 'a@example.org', to: 'sales@shop.test', subject: 'x', text: 'x' }).catch((e: { responseCode?: number }) => e);
    expect(wrong).toMatchObject({ responseCode: 550 });
    const big = await client.sendMail({ from: 'a@example.org', to: 'anyone@returns.shop.test', subject: 'big', text: 'x'.repeat(150_000), messageId: '<big-1@example.org>' }).catch((e: { responseCode?: number }) => e);
    expect(big).toMatchObject({ responseCode: 552 });
    expect(await findEmailMessage(t.store.db, 'big-1@example.org')).toBeUndefined();
  });

  it('an agent reply leaves once over SMTP, threaded and tokened; the customer answer by SMTP continues the case', async () => {
    await client.sendMail({ from: 'Tom Berg <tom@example.org>', to: 'support@shop.test', subject: 'Where is my parcel?', text: 'Ordered two weeks ago, nothing yet.', messageId: '<tom-1@example.org>' });
    const caseId = (await findEmailMessage(t.store.db, 'tom-1@example.org'))!.caseId!;
    await addCaseMessage(t.store, t.actors.agent, { caseId, from: 'agent', text: 'Hi Tom, it left our warehouse today.' });

    const sent = await waitFor(() => sink.mails.find((m) => m.to.includes('tom@example.org')), 'the reply at the sink');
    const mail = await PostalMime.parse(sent.raw);
    expect(mail.subject).toBe(`Re: Where is my parcel? [#LAD-${caseId}]`);
    expect(mail.inReplyTo).toBe('<tom-1@example.org>');
    expect(mail.references).toBe('<tom-1@example.org>');
    expect(mail.from).toMatchObject({ name: 'Shop Support', address: 'support@shop.test' });
    expect(mail.text?.trim()).toBe('Hi Tom, it left our warehouse today.');
    const ourId = mail.messageId!;
    expect(ourId).toMatch(new RegExp(`^<ladder-${caseId}-[0-9a-f]{24}@shop\\.test>$`));
    expect(await findEmailMessage(t.store.db, ourId.slice(1, -1))).toMatchObject({ direction: 'outbound', caseId });
    await waitFor(async () => ((await listOutbox(t.store.db, { caseId, state: 'sent', limit: 5 })).length === 1 ? true : undefined), 'the outbox row marked sent');

    await client.sendMail({ from: 'tom@example.org', to: 'support@shop.test', subject: mail.subject!, text: 'Great, thanks!', messageId: '<tom-2@example.org>', inReplyTo: ourId, references: ['<tom-1@example.org>', ourId] });
    expect(await findEmailMessage(t.store.db, 'tom-2@example.org')).toMatchObject({ caseId, disposition: 'added_message' });
    expect(sink.mails.filter((m) => m.to.includes('tom@example.org'))).toHaveLength(1);
  });
});
