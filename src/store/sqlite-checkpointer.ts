import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Checkpoints of the embedded store, off the event loop.
//
// In WAL mode SQLite copies committed pages from the WAL back into the database file at a
// checkpoint, and (synchronous=NORMAL) fsyncs the database file afterwards. By default the
// connection that commits runs that checkpoint inside its COMMIT whenever the WAL passes 1,000
// pages: on our single writer connection that is the event loop, stalled for the copy and the
// fsync while every request waits. Timing each statement of openings run in process, in batches
// of 32 (2026-12-06): checkpoints were about 20 µs of the 55 µs per opening that COMMIT took.
//
// Here a worker thread with its own connection runs PASSIVE checkpoints (they never block the
// writer, nor wait for it) a few times a second while there are new commits. The writer keeps an
// autocheckpoint of its own as a safety net only: under continuous load the WAL can only be
// rewound when a writer starts after a checkpoint has caught up completely, which may not happen
// between back-to-back batches; at the safety net's size the writer checkpoints itself — cheaply,
// since the worker has already copied nearly every frame — and the WAL starts over.

/** How often the worker looks for new commits to checkpoint. */
const CHECKPOINT_EVERY_MS = 200;
/** The writer's own autocheckpoint while the worker runs: a bound on the WAL, in pages (~32 MB). */
export const WRITER_SAFETY_NET_PAGES = 8000;
/** SQLite's default, restored on the writer if the worker ever stops. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript run with `eval`, so the same code works from the compiled build, under tsx and
// under the test runner (none of which would load a .ts worker file the same way).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const commits = new Int32Array(workerData.commits);
// -1: commits made while this thread was starting are checkpointed at the first tick.
let seen = -1;
const timer = setInterval(() => {
  const now = Atomics.load(commits, 0);
  if (now === seen) return;
  seen = now;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // SQLITE_BUSY (the writer is checkpointing itself) and the like: the next round retries.
  }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface SqliteCheckpointer {
  /** Called after each COMMIT on the writer: there is something new to checkpoint. */
  noteCommit(): void;
  close(): Promise<void>;
}

/**
 * Starts the background checkpointer for the database `file` and hands checkpointing over to it:
 * `onStopped` is told if the worker ever dies, so the writer can take checkpoints back.
 */
export function startSqliteCheckpointer(file: string, onStopped: () => void): SqliteCheckpointer {
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const counters = new Int32Array(shared);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, commits: shared, everyMs: CHECKPOINT_EVERY_MS } });
  // Never what keeps a process alive: a CLI command exits when its own work is done.
  worker.unref();
  let closing = false;
  let stopped = false;
  const stop = () => {
    if (stopped || closing) return;
    stopped = true;
    onStopped();
  };
  worker.once('error', stop);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => { stop(); resolve(); }));
  return {
    noteCommit: () => { Atomics.add(counters, 0, 1); },
    async close() {
      // Waiting for the exit must keep this process alive, or an otherwise idle one would end here.
      worker.ref();
      if (!stopped && !closing) worker.postMessage('close');
      closing = true;
      await exited;
    },
  };
}
