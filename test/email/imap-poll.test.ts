import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { pollMailbox } from '../../src/services/email/poll-mailbox.js';
import { imapPollSweep } from '../../src/jobs/imap-poll.sweep.js';
import { SweepScheduler } from '../../src/jobs/recurring-sweeps.js';
import type { WorkerServices } from '../../src/jobs/worker-services.js';
import type { MailboxSession, OpenMailbox } from '../../src/integrations/email/inbound-mailbox.js';
import { findEmailMessage } from '../../src/store/repositories/email-message.repository.js';
import { DESK_SETTINGS, fixture, plainMail } from './email-kit.js';

// IMAP polling (issue 7 item 2) through the mailbox interface with an in-memory mailbox: no IMAP
// server is started here (imapflow's side, src/integrations/email/imap-mailbox.ts, is not run by
// these tests). What is checked: mark-after-commit, dedupe, refusals, and one poll per slot.
const dialects = await availableDialects();

interface FakeMessage { uid: number; raw: Buffer; flags: Set<string> }

function fakeMailbox(store: TestApp['store'], messages: FakeMessage[]) {
  const log = { opened: 0, closed: 0, markedBeforeCommit: [] as number[] };
  const open: OpenMailbox = async (): Promise<MailboxSession> => {
    log.opened += 1;
    const find = (uid: number) => messages.find((m) => m.uid === uid)!;
    return {
      unseenUids: async () => messages.filter((m) => !m.flags.has('\\Seen')).map((m) => m.uid),
      size: async (uid) => find(uid).raw.length,
      fetchRaw: async (uid) => find(uid).raw,
      async markProcessed(uid) {
        // The message must already be in the desk when the mailbox is told it is done.
        const id = /^Message-ID: <([^>]+)>/im.exec(find(uid).raw.toString('latin1'))?.[1];
        if (!id || !(await findEmailMessage(store.db, id))) log.markedBeforeCommit.push(uid);
        find(uid).flags.add('\\Seen');
      },
      async markRejected(uid) { find(uid).flags.add('\\Seen').add('$LadderRejected'); },
      async close() { log.closed += 1; },
    };
  };
  return { open, log };
}

describe.each(dialects)('IMAP polling on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('ingests unseen mail, flags it \\Seen only after its case committed, and refuses bad mail for good', async () => {
    const noSender = Buffer.from('To: support@shop.test\r\nSubject: hello\r\nMessage-ID: <nosender@x.test>\r\n\r\nhi', 'latin1');
    const messages: FakeMessage[] = [
      { uid: 11, raw: fixture('01-new-damaged-with-photo.eml'), flags: new Set() },
      { uid: 12, raw: fixture('01-new-damaged-with-photo.eml'), flags: new Set() },
      { uid: 13, raw: plainMail({ from: 'a@example.org', subject: 'Automatic reply: away', text: 'away', messageId: 'ooo-1@example.org' }), flags: new Set() },
      { uid: 14, raw: noSender, flags: new Set() },
      { uid: 15, raw: plainMail({ from: 'b@example.org', subject: 'big', text: 'x'.repeat(3000), messageId: 'big-2@example.org' }), flags: new Set() },
      { uid: 16, raw: plainMail({ from: 'c@example.org', subject: 'seen', text: 'read by someone', messageId: 'seen@example.org' }), flags: new Set(['\\Seen']) },
    ];
    const mailbox = fakeMailbox(t.store, messages);
    const r = await pollMailbox(t.store, mailbox.open, { settings: { ...DESK_SETTINGS, maxBytes: 2400 }, maxMessages: 50 });
    expect(r).toMatchObject({ fetched: 4, opened_case: 1, duplicate: 1, auto_reply: 1, rejected: 2, failed: 0 });
    expect(mailbox.log).toEqual({ opened: 1, closed: 1, markedBeforeCommit: [] });
    expect(messages.filter((m) => m.flags.has('$LadderRejected')).map((m) => m.uid)).toEqual([14, 15]);
    expect(messages.every((m) => m.flags.has('\\Seen'))).toBe(true);
    expect(await findEmailMessage(t.store.db, 'seen@example.org')).toBeUndefined();
    expect(await pollMailbox(t.store, mailbox.open, { settings: DESK_SETTINGS, maxMessages: 50 })).toMatchObject({ fetched: 0 });
  });

  it('two instances sweeping the same slot open the mailbox once', async () => {
    const messages: FakeMessage[] = [{ uid: 1, raw: plainMail({ from: 'd@example.org', subject: 'Where is my order?', text: 'Still waiting.', messageId: 'two-instances@example.org' }), flags: new Set() }];
    const mailbox = fakeMailbox(t.store, messages);
    const services = { inboundMail: { openMailbox: mailbox.open, settings: DESK_SETTINGS } } as unknown as WorkerServices;
    const now = () => new Date('2026-11-21T10:00:30.000Z');
    const instances = ['worker-a', 'worker-b'].map((workerId) => new SweepScheduler<WorkerServices>({ store: t.store, sweeps: [imapPollSweep(60_000)], services, workerId, now }));
    const runs = (await Promise.all(instances.map((s) => s.tick()))).flat();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.result).toMatchObject({ fetched: 1, opened_case: 1 });
    expect(mailbox.log.opened).toBe(1);
  });
});
