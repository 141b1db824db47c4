import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { isKnownCurrency } from './domain/money/currency.js';

// The one place that reads the environment (DEVELOPERS.md style 7). Read once at start, validated,
// and every problem reported together so an operator fixes them in one pass.

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; otherwise SQLite at `${dataDir}/ladder.db`. */
  databaseUrl: string | null;
  sessionSecret: string;
  sessionTtlHours: number;
  logLevel: LogLevel;
  uploadMaxBytes: number;
  uploadAllowedTypes: string[];
  publicUrl: string | null;
  shopifyWebhookSecret: string | null;
  /** A Shopify return parked for its order stops waiting (expires) after this many hours without it. */
  shopifyParkedReturnExpiryHours: number;
  slaSweepIntervalMs: number;
  jobPollIntervalMs: number;
  databasePoolSize: number;
  /** Concurrent case openings written together in one transaction, at most this many (1: each alone). */
  openCaseBatchMax: number;
  /** Opening batches written at once; openings arriving meanwhile wait for the next batch. */
  openCaseBatchesInFlight: number;
  /** SMTP server for email notifications (smtp:// or smtps://); null = no email is sent. */
  smtpUrl: string | null;
  /** The From address of notification emails. */
  mailFrom: string;
  /** Built-in SMTP listener for inbound mail (SMTP_LISTEN_PORT); null = not listening. */
  smtpListenPort: number | null;
  smtpListenHost: string;
  /** Addresses ("support@shop.example") and whole domains ("@shop.example") inbound mail may be for. */
  inboundMailRecipients: string[];
  /** Largest inbound message accepted, in bytes (SMTP SIZE, IMAP and `ladder mail ingest`). */
  inboundMailMaxBytes: number;
  /** Category of a case opened from an email when its text names none (a person refines it). */
  inboundMailDefaultCategory: string;
  /** IMAP mailbox to poll (imap:// or imaps://user:pass@host[:port][/MAILBOX]); null = no polling. */
  imapUrl: string | null;
  imapPollIntervalMs: number;
  /** Folder a fetched message is moved to after its case commits; null = only flagged \Seen. */
  imapProcessedMailbox: string | null;
  /** How long a satisfaction survey link works after its email is sent (issue 7 item 3). */
  surveyLinkTtlDays: number;
  /** ISO 4217 code money forms start in (refunds, order totals) when nothing else names one. */
  deskCurrency: string;
}

/** SHOPIFY_PARKED_RETURN_EXPIRY_HOURS when unset: three days for an order webhook to follow its return. */
export const DEFAULT_SHOPIFY_PARKED_RETURN_EXPIRY_HOURS = 72;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const DEFAULT_UPLOAD_TYPES = [
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv',
];

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };

  const port = int('PORT', 8080, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = resolve(env.LADDER_DATA_DIR?.trim() || './data');

  let databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store)');
    databaseUrl = null;
  }

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);

  let publicUrl: string | null = env.PUBLIC_URL?.trim() || null;
  if (publicUrl) {
    try {
      publicUrl = new URL(publicUrl).toString().replace(/\/$/, '');
    } catch {
      problems.push(`PUBLIC_URL: expected an absolute URL, got "${env.PUBLIC_URL}"`);
      publicUrl = null;
    }
  }

  const sessionSecretRaw = env.SESSION_SECRET?.trim();
  if (sessionSecretRaw !== undefined && sessionSecretRaw !== '' && sessionSecretRaw.length < 32) {
    problems.push('SESSION_SECRET: must be at least 32 characters (or unset, to keep a generated one in the data directory)');
  }

  const uploadAllowedTypes = env.UPLOAD_ALLOWED_TYPES?.trim()
    ? env.UPLOAD_ALLOWED_TYPES.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)
    : DEFAULT_UPLOAD_TYPES;
  for (const t of uploadAllowedTypes) {
    if (!/^[a-z0-9.+-]+\/[a-z0-9.+*-]+$/.test(t)) problems.push(`UPLOAD_ALLOWED_TYPES: "${t}" is not a media type`);
  }

  let smtpUrl: string | null = env.SMTP_URL?.trim() || null;
  if (smtpUrl) {
    let valid = false;
    try {
      valid = /^smtps?:$/.test(new URL(smtpUrl).protocol);
    } catch {
      valid = false;
    }
    if (!valid) {
      problems.push('SMTP_URL: expected an smtp:// or smtps:// URL (leave it unset to send no email)');
      smtpUrl = null;
    }
  }
  const mailFrom = env.MAIL_FROM?.trim() || 'Ladder <ladder@localhost>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    problems.push(`MAIL_FROM: expected an email address, optionally with a name ("Ladder <desk@example.com>"), got "${mailFrom}"`);
  }

  const smtpListenRaw = env.SMTP_LISTEN_PORT?.trim();
  const smtpListenPort = smtpListenRaw ? int('SMTP_LISTEN_PORT', 0, 0, 65535) : null;
  const inboundMailRecipients = (env.INBOUND_MAIL_RECIPIENTS ?? '').split(',').map((r) => r.trim().toLowerCase()).filter(Boolean);
  for (const r of inboundMailRecipients) {
    if (!/^([^@\s<>]+@|@)?[a-z0-9.-]+\.[a-z0-9-]+$|^[^@\s<>]+@localhost$/.test(r)) {
      problems.push(`INBOUND_MAIL_RECIPIENTS: "${r}" is neither an address nor a domain (support@shop.example or @shop.example)`);
    }
  }
  if (smtpListenPort !== null && inboundMailRecipients.length === 0) {
    problems.push('INBOUND_MAIL_RECIPIENTS: required with SMTP_LISTEN_PORT (the addresses or @domains the desk receives mail for)');
  }
  const inboundMailDefaultCategory = env.INBOUND_MAIL_DEFAULT_CATEGORY?.trim() || 'order_status';
  if (!/^[a-z][a-z0-9_]{1,60}$/.test(inboundMailDefaultCategory)) {
    problems.push(`INBOUND_MAIL_DEFAULT_CATEGORY: expected a category id such as order_status, got "${inboundMailDefaultCategory}"`);
  }
  let imapUrl: string | null = env.IMAP_URL?.trim() || null;
  if (imapUrl) {
    let valid = false;
    try {
      const u = new URL(imapUrl);
      valid = /^imaps?:$/.test(u.protocol) && u.hostname !== '' && u.username !== '';
    } catch {
      valid = false;
    }
    if (!valid) {
      problems.push('IMAP_URL: expected imap://user:password@host[:port][/MAILBOX] or imaps://… (leave it unset to poll no mailbox)');
      imapUrl = null;
    }
  }

  const deskCurrency = env.DESK_CURRENCY?.trim().toUpperCase() || 'USD';
  if (!isKnownCurrency(deskCurrency)) problems.push(`DESK_CURRENCY: expected an ISO 4217 code such as USD or EUR, got "${env.DESK_CURRENCY}"`);

  const config: Config = {
    port,
    host,
    dataDir,
    databaseUrl,
    sessionSecret: sessionSecretRaw && sessionSecretRaw.length >= 32 ? sessionSecretRaw : '',
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 90),
    logLevel,
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    uploadAllowedTypes,
    publicUrl,
    shopifyWebhookSecret: env.SHOPIFY_WEBHOOK_SECRET?.trim() || null,
    shopifyParkedReturnExpiryHours: int('SHOPIFY_PARKED_RETURN_EXPIRY_HOURS', DEFAULT_SHOPIFY_PARKED_RETURN_EXPIRY_HOURS, 1, 24 * 365),
    slaSweepIntervalMs: int('SLA_SWEEP_INTERVAL_MS', 15_000, 100, 3_600_000),
    jobPollIntervalMs: int('JOB_POLL_INTERVAL_MS', 1_000, 10, 600_000),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 200),
    openCaseBatchMax: int('OPEN_CASE_BATCH_MAX', 64, 1, 1000),
    openCaseBatchesInFlight: int('OPEN_CASE_BATCHES_IN_FLIGHT', 1, 1, 64),
    smtpUrl,
    mailFrom,
    smtpListenPort,
    smtpListenHost: env.SMTP_LISTEN_HOST?.trim() || '127.0.0.1',
    inboundMailRecipients,
    inboundMailMaxBytes: int('INBOUND_MAIL_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    inboundMailDefaultCategory,
    imapUrl,
    imapPollIntervalMs: int('IMAP_POLL_INTERVAL_MS', 60_000, 1_000, 86_400_000),
    imapProcessedMailbox: env.IMAP_PROCESSED_MAILBOX?.trim() || null,
    surveyLinkTtlDays: int('SURVEY_LINK_TTL_DAYS', 14, 1, 365),
    deskCurrency,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Without SESSION_SECRET, a random one is generated once and kept in the data directory (mode 0600),
 * so `npm start` works with no configuration and sessions survive restarts. Several instances on
 * one PostgreSQL must share SESSION_SECRET explicitly.
 */
export function ensureSessionSecret(config: Config): Config {
  if (config.sessionSecret) return config;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return { ...config, sessionSecret: readFileSync(file, 'utf8').trim() };
}

/** Settings that tests and tools read from the environment; kept here so no other module touches process.env. */
export function testDatabaseUrl(env: Env = process.env): string {
  return env.LADDER_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
}

export function isCi(env: Env = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

export function debugEnabled(env: Env = process.env): boolean {
  return env.LADDER_DEBUG === '1';
}
