import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compilePolicy } from '../domain/policy/compile-policy.js';
import type { CompiledPolicy } from '../domain/policy/compile-policy.js';
import { parsePolicy } from '../domain/policy/parse-policy.js';
import type { Policy } from '../domain/policy/policy-model.js';

// Policy YAML on disk. The shipped default sits at <repo>/policy/default-policy.yaml; this module is at
// the same depth in src/integrations (tsx) and dist/integrations (built), so one relative URL serves both.
export const DEFAULT_POLICY_URL = new URL('../../policy/default-policy.yaml', import.meta.url);
export const DEFAULT_POLICY_SOURCE = 'default-policy.yaml';

export class PolicyFileError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: cannot read (${reason})`);
    this.name = 'PolicyFileError';
  }
}

export function readDefaultPolicyText(): string {
  return readText(fileURLToPath(DEFAULT_POLICY_URL));
}

/** Reads and parses a policy file; problems are reported against the path as given, with lines. */
export function readPolicyFile(file: string): Policy {
  return parsePolicy(readText(file), file);
}

let defaultPolicy: CompiledPolicy | undefined;

/** The shipped default policy, parsed and compiled once per process. */
export function loadDefaultPolicy(): CompiledPolicy {
  defaultPolicy ??= compilePolicy(parsePolicy(readDefaultPolicyText(), DEFAULT_POLICY_SOURCE));
  return defaultPolicy;
}

/** `--policy FILE` when given, else the default. */
export function loadPolicy(file: string | undefined): CompiledPolicy {
  return file === undefined ? loadDefaultPolicy() : compilePolicy(readPolicyFile(file));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyFileError(file, (err as NodeJS.ErrnoException).code ?? 'error');
  }
}
