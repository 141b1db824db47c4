// The second desk instance of `npm run bench:sla` on PostgreSQL: a worker in its own process, as
// two instances are deployed (each with its own event loop and core), sharing the database and
// the SMTP sink with the bench's own instance. Ready once it prints "ready"; SIGTERM stops it.
//
//   node --import tsx bench/lib/sla-worker-process.ts DATABASE_URL SCHEMA DATA_DIR SMTP_URL WORKER_ID [CONCURRENCY] [SMTP_CONNECTIONS]
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/database.js';
import { startWorker } from '../../src/jobs/worker.js';
import { createSmtpMailer } from '../../src/integrations/email/smtp-mailer.js';

const [databaseUrl, schema, dataDir, smtpUrl, workerId, concurrency, smtpConnections] = process.argv.slice(2);
if (!databaseUrl || !schema || !dataDir || !smtpUrl || !workerId) {
  process.stderr.write('usage: sla-worker-process.ts DATABASE_URL SCHEMA DATA_DIR SMTP_URL WORKER_ID [CONCURRENCY]\n');
  process.exit(2);
}
const config = { ...loadConfig({ LADDER_DATA_DIR: dataDir, LOG_LEVEL: 'silent', MAIL_FROM: 'Ladder <desk@bench.ladder>' }), databaseUrl };
const store = await openStore({ databaseUrl, dataDir, schema, poolSize: 10 });
const mailer = createSmtpMailer({ url: smtpUrl, from: config.mailFrom, ...(smtpConnections ? { maxConnections: Number(smtpConnections) } : {}) });
const worker = startWorker({ store, config, options: { mailer, workerId, ...(concurrency && concurrency !== '0' ? { concurrency: Number(concurrency) } : {}) } });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    mailer.close();
    await store.close();
    process.exit(0);
  })();
});
