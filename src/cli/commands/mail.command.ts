import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliInputError, printJson, runCommand } from '../cli-io.js';
import { withStore } from '../cli-store.js';

function readRawMessage(file: string | undefined): Buffer {
  try {
    // Bytes as they are: a message's charset is its own business (MIME), not the terminal's.
    return readFileSync(file === undefined || file === '-' ? 0 : file);
  } catch (err) {
    throw new CliInputError(`${file ?? 'stdin'}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** `ladder mail ingest|status`: inbound email by hand or from another MTA's pipe, and the mail desk's state (issue 7 item 2). */
export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('Email in and out: ingest a raw message, show the mail intake and replies');

  mail
    .command('ingest')
    .description('Ingest one raw RFC 5322 message (FILE, or standard input for "-" or none): opens or continues its case, once per Message-ID')
    .argument('[file]', 'the .eml file')
    .option('--json', 'print the result as JSON')
    .action((file: string | undefined, opts: { json?: boolean }) =>
      runCommand(async () => {
        const raw = readRawMessage(file);
        const { ingestInboundEmail } = await import('../../services/email/ingest-inbound-email.js');
        const { inboundSettingsOf } = await import('../../services/email/inbound-settings.js');
        const { DomainError } = await import('../../domain/errors.js');
        await withStore(async (store, config) => {
          try {
            const r = await ingestInboundEmail(store, raw, { source: 'cli', settings: inboundSettingsOf(config) });
            if (opts.json) return printJson(r);
            const where = r.caseId === null ? 'no case' : `case ${r.caseId}`;
            process.stdout.write(`${r.outcome} ${where} <${r.messageId}>${r.reason ? ` (${r.reason})` : ''}\n`);
            for (const s of r.attachments.skipped) process.stdout.write(`attachment not kept: ${s.fileName}: ${s.reason}\n`);
          } catch (err) {
            if (err instanceof DomainError) throw new CliInputError(err.message);
            throw err;
          }
        });
      }),
    );

  mail
    .command('status')
    .description('How mail gets in (SMTP listener, IMAP) and out (SMTP), counts by outcome, and the latest messages')
    .option('--limit <n>', 'latest messages to show', '10')
    .option('--json', 'print JSON')
    .action((opts: { limit: string; json?: boolean }) =>
      runCommand(async () => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 0 || limit > 1000) throw new CliInputError(`--limit: expected a whole number from 0 to 1000, got "${opts.limit}"`);
        const { mailStatus } = await import('../../services/email/mail-status.js');
        await withStore(async (store, config) => {
          const s = await mailStatus(store, config, limit);
          if (opts.json) return printJson(s);
          const out = (line: string) => process.stdout.write(`${line}\n`);
          out(`smtp intake  ${s.intake.smtpListener ?? 'off (SMTP_LISTEN_PORT)'}${s.intake.smtpListener ? ` for ${s.intake.recipients.join(', ')}` : ''}`);
          out(`imap polling ${s.intake.imap ? `${s.intake.imap} every ${s.intake.imapPollIntervalMs} ms` : 'off (IMAP_URL)'}`);
          out(`replies out  ${s.outbound.smtp ? 'SMTP_URL set' : 'off (SMTP_URL): replies wait in the outbox'} · ${['pending', 'sent', 'dead'].map((k) => `${k} ${s.outbound.replies[k] ?? 0}`).join(' · ')}`);
          for (const c of s.counts) out(`${c.direction.padEnd(8)} ${c.disposition.padEnd(13)} ${c.count}`);
          for (const m of s.recent) {
            out(`${m.createdAt}  ${m.direction.padEnd(8)} ${m.disposition.padEnd(13)} ${m.source.padEnd(5)} ${m.caseId === null ? '-' : `#${m.caseId}`}  ${m.fromAddress ?? ''}  ${(m.subject ?? '').slice(0, 60)}${m.note ? `  (${m.note})` : ''}`);
          }
        });
      }),
    );
}
