// The SMTP server the SLA benchmark's notifications go to, in its own process as a real mail
// server would be: it prints its URL once listening and accepts mail until killed. (In the
// bench's process its event loop would also be the first desk instance's, slowing both.)
import { startSmtpSink } from '../../test/sla/notification-sinks.js';

const sink = await startSmtpSink();
process.stdout.write(`${sink.url}\n`);
process.once('SIGTERM', () => { void sink.close().then(() => process.exit(0)); });
