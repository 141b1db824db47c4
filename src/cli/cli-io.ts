import { readFileSync } from 'node:fs';
import { DomainError } from '../domain/errors.js';

/** Exit codes: 0 ok, 1 a check failed (policy test mismatch), 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

/** Reads FILE, or standard input for "-" or no argument. */
export function readInputText(file: string | undefined): string {
  try {
    return readFileSync(file === undefined || file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliInputError(`${file ?? 'stdin'}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function parseJsonInput(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliInputError(`${source}: invalid JSON (${(err as Error).message})`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Runs a command body and turns known failures into the CLI's contract: one line on stderr naming
 * the field, exit 2. Anything unexpected is a bug: exit 1 with the message (never a stack trace
 * unless LADDER_DEBUG asks for it through the config's debug flag, which the caller passes).
 */
export async function runCommand(body: () => Promise<number | void> | number | void): Promise<void> {
  try {
    const code = await body();
    process.exitCode = typeof code === 'number' ? code : EXIT_OK;
  } catch (err) {
    if (err instanceof CliInputError) {
      process.stderr.write(`${oneLine(err.message)}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    } else if (err instanceof DomainError) {
      process.stderr.write(`${oneLine(err.message)}\n`);
      process.exitCode = err.code === 'not_found' || err.code === 'conflict' || err.code.startsWith('invalid') ? EXIT_BAD_INPUT : EXIT_FAILED;
    } else {
      process.stderr.write(`ladder: ${oneLine((err as Error)?.message ?? String(err))}\n`);
      process.exitCode = EXIT_FAILED;
    }
  }
}

/** The contract promises one line on stderr; parser messages may quote input with its newlines. */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
