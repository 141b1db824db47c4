import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_URL, loadDefaultPolicy, loadPolicy, PolicyFileError, readDefaultPolicyText, readPolicyFile } from './policy-file.js';

describe('policy files on disk', () => {
  it('finds the shipped default policy at <repo>/policy/default-policy.yaml', () => {
    expect(fileURLToPath(DEFAULT_POLICY_URL)).toMatch(/[\\/]policy[\\/]default-policy\.yaml$/);
    expect(existsSync(DEFAULT_POLICY_URL)).toBe(true);
    expect(readDefaultPolicyText()).toMatch(/^# Ladder default policy/);
  });

  it('parses and compiles the default policy once per process', () => {
    expect(loadDefaultPolicy()).toBe(loadDefaultPolicy());
    expect(loadPolicy(undefined)).toBe(loadDefaultPolicy());
  });

  it('reports problems against the path it was given', () => {
    expect(() => readPolicyFile('test/fixtures/policy/broken-policy.yaml')).toThrow(/^test\/fixtures\/policy\/broken-policy\.yaml:12 /);
  });

  it('turns a missing file into a PolicyFileError naming it', () => {
    expect(() => readPolicyFile('no/such/policy.yaml')).toThrow(PolicyFileError);
    expect(() => readPolicyFile('no/such/policy.yaml')).toThrow('no/such/policy.yaml: cannot read (ENOENT)');
  });
});
