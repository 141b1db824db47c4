import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The CLI contract of decision.md, run as a user runs it: a child process, JSON on stdin.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function ladder(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  // npm may warn about the user's own npm config on stderr; that is not the CLI speaking.
  const stderr = r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');
  return { code: r.status, stdout: r.stdout, stderr };
}

describe('ladder policy explain (decision.md)', () => {
  it('decides one case from stdin: an attorney threat is L4 and escalates (R003-06)', () => {
    const facts = { category: 'damaged_item', timeline: [{ type: 'message', from: 'customer', text: 'I will have my attorney contact you' }] };
    const r = ladder(['policy', 'explain'], JSON.stringify(facts));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const decision = JSON.parse(r.stdout);
    expect(decision).toMatchObject({ level: 'L4', escalate: true, signals: { legal_threat: 1 }, redFlags: ['legal_threat'] });
    expect(decision.actions).toContain('internal_note_required');
  });

  it('decides an array in order and prints an array', () => {
    const r = ladder(['policy', 'explain', '-'], JSON.stringify([{ category: 'spam' }, { category: 'injury' }]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((d: { level: string }) => d.level)).toEqual(['L2', 'L4']);
  });

  it('exits 2 with one line naming the field of bad input', () => {
    const r = ladder(['policy', 'explain'], JSON.stringify({ category: 'damaged_item', order: { total: 129.0 } }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('order.total: expected a decimal string');
  });

  it('prefixes the array index for bad input in an array', () => {
    const input = [{ category: 'spam' }, { category: 'spam' }, { category: 'spam' }, { category: 'spam', order: { total: '1e3' } }];
    const r = ladder(['policy', 'explain'], JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('[3].order.total: expected a decimal string');
  });

  it('exits 2 on an unknown category, an unknown signal and invalid JSON', () => {
    expect(ladder(['policy', 'explain'], '{"category":"foo"}')).toMatchObject({ code: 2, stderr: 'category: unknown category "foo"' });
    const signal = ladder(['policy', 'explain'], '{"category":"spam","timeline":[{"type":"signal","signal":"bar"}]}');
    expect(signal).toMatchObject({ code: 2, stderr: 'timeline[0].signal: unknown signal "bar"' });
    const json = ladder(['policy', 'explain'], '{"category":');
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^stdin: invalid JSON/);
  });

  it('reads FILE and --policy FILE', () => {
    const r = ladder(['policy', 'explain', '--policy', 'policy/default-policy.yaml', 'test/fixtures/policy/case-facts.json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ priority: 'P2', level: 'L3', escalate: true, offense: 2 });
  });

  it('exits 2 naming the line when --policy is broken', () => {
    const r = ladder(['policy', 'explain', '--policy', 'test/fixtures/policy/broken-policy.yaml'], '{"category":"spam"}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^test\/fixtures\/policy\/broken-policy\.yaml:12 categories\.damaged_item\.level/);
    expect(r.stderr.split('\n')).toHaveLength(1);
  });
});

describe('ladder policy test | validate | show', () => {
  it('runs the default examples and reports a summary', () => {
    const r = ladder(['policy', 'test']);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
  });

  it('validate lists every problem with its line and exits 2', () => {
    const r = ladder(['policy', 'validate', 'test/fixtures/policy/broken-policy.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'test/fixtures/policy/broken-policy.yaml:12 categories.damaged_item.level: expected one of L1, L2, L3, L4',
      'test/fixtures/policy/broken-policy.yaml:20 categories.order_status.colour: unknown key (expected one of label, group, level, priority, offenseBased, rule, redFlags, partner)',
      'test/fixtures/policy/broken-policy.yaml:23 signals.legal_threat[0].atLeast: expected an integer >= 1',
      '3 problems',
    ]);
  });

  it('validate accepts the default policy', () => {
    const r = ladder(['policy', 'validate', 'policy/default-policy.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^policy\/default-policy\.yaml: ok \(version /);
  });

  it('show prints the default policy YAML', () => {
    const r = ladder(['policy', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Ladder default policy/);
    expect(r.stdout).toContain('\nexamples:\n');
  });
});
