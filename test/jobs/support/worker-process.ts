// A worker as its own process, for tests that kill it with SIGKILL mid-run (issue 4 item 7).
// Arguments: one JSON object { databaseUrl, schema, dataDir, smtpUrl, leaseMs, workerId }.
import { loadConfig } from '../../../src/config.js';
import { openStore } from '../../../src/store/database.js';
import { startWorker } from '../../../src/jobs/worker.js';

const args = JSON.parse(process.argv[2] ?? '{}') as { databaseUrl: string; schema: string; dataDir: string; smtpUrl: string; leaseMs: number; workerId: string };
const store = await openStore({ databaseUrl: args.databaseUrl, dataDir: args.dataDir, schema: args.schema, poolSize: 10 });
const config = {
  ...loadConfig({ LADDER_DATA_DIR: args.dataDir, SMTP_URL: args.smtpUrl, MAIL_FROM: 'Ladder <desk@shop.test>', SLA_SWEEP_INTERVAL_MS: '200', JOB_POLL_INTERVAL_MS: '50' }),
  databaseUrl: args.databaseUrl,
};
startWorker({ store, config, options: { workerId: args.workerId, leaseMs: args.leaseMs } });
process.stdout.write('ready\n');
