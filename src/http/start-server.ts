import type { Config } from '../config.js';
import { openStore } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { countUsers } from '../store/repositories/user.repository.js';
import { loadPolicyRuntime } from '../services/policy/load-policy-runtime.js';
import { buildServer } from './server.js';
import { startWorker } from '../jobs/worker.js';

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Opens and migrates the store, puts the policy in force, then listens. /healthz answers only
 * after all of that (operations.md: ready once migrations are done). SIGTERM/SIGINT stop
 * accepting, finish in-flight requests, then close the database.
 */
export async function startServer(options: { config: Config; consoleDir: string | null; demo?: boolean }): Promise<StartedServer> {
  const { config } = options;
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateToLatest(store);
  await loadPolicyRuntime(store);
  if (options.demo) {
    const { loadDemoIfEmpty } = await import('../services/demo/load-demo.js');
    await loadDemoIfEmpty(store);
  }
  const app = await buildServer({ store, config, consoleDir: options.consoleDir });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  // Sweeps (SLA warnings and breaches, order SLAs) and the notification outbox run in every
  // instance; the job table makes them share the work (issue 4).
  const worker = startWorker({ store, config, options: { mailLog: (message, fields) => app.log.info(fields, message) } });
  // Inbound mail over SMTP when SMTP_LISTEN_PORT is set (issue 7 item 2).
  const { startMailIntake } = await import('../services/email/mail-intake.js');
  const mailIntake = await startMailIntake({ store, config, log: (message, fields) => app.log.info(fields, message), onError: (err) => app.log.warn({ err }, 'smtp intake') });
  if (mailIntake) app.log.info({ host: config.smtpListenHost, port: mailIntake.port }, 'smtp intake listening');
  app.log.info({ url, database: store.dialect }, 'ladder is ready');
  if ((await countUsers(store.db)) === 0) {
    process.stdout.write(
      `\nLadder is running at ${url} — no users yet. Create the first admin:\n\n` +
        `  npx ladder users add --email you@example.com --role admin\n\n` +
        `or load a demo desk with users for every role: npx ladder demo\n\n`,
    );
  }
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await mailIntake?.close();
    await worker.stop();
    await app.close();
    await store.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  return { url, close };
}
