import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_TEXT, defaultPolicy } from '../../../test/policy/policy-test-kit.js';
import { parsePolicy } from './parse-policy.js';
import { PolicyError } from './policy-problems.js';
import { CATEGORIES, SIGNALS } from './vocabulary.js';

function problemsOf(text: string, source = 'policy.yaml'): string[] {
  try {
    parsePolicy(text, source);
  } catch (err) {
    if (err instanceof PolicyError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected the policy to be rejected');
}

/** The default policy with one line replaced, so each test breaks exactly one thing. */
function withLine(find: string, replace: string): string {
  expect(DEFAULT_POLICY_TEXT).toContain(find);
  return DEFAULT_POLICY_TEXT.replace(find, replace);
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('parsePolicy: the default policy', () => {
  it('defines every category of the contract table (decision.md)', () => {
    const { policy } = defaultPolicy();
    for (const id of CATEGORIES) expect(policy.categories[id], id).toBeDefined();
  });

  it('gives every threshold, rule and category a requirement ID', () => {
    const { policy } = defaultPolicy();
    const ids = [
      ...Object.values(policy.categories).map((c) => c.rule),
      ...policy.rules.map((r) => r.rule),
      ...Object.values(policy.signals).flatMap((t) => t!.map((x) => x.rule)),
      ...policy.offenses.bands.map((b) => b.rule),
    ];
    for (const id of ids) expect(id).toMatch(/^R00[0-4]-\d{2}/);
  });

  it('only sets thresholds for contract signals', () => {
    const { policy } = defaultPolicy();
    for (const s of Object.keys(policy.signals)) expect(SIGNALS).toContain(s);
  });

  it('ships at least 60 examples', () => {
    expect(defaultPolicy().policy.examples.length).toBeGreaterThanOrEqual(60);
  });
});

describe('parsePolicy: problems carry file, line and path', () => {
  it('names the file, line and path of a bad enum value', () => {
    const text = withLine('damaged_item:          { group: order_issue, level: L1,', 'damaged_item:          { group: order_issue, level: L5,');
    expect(problemsOf(text)).toEqual([
      `policy.yaml:${lineOf(text, 'level: L5')} categories.damaged_item.level: expected one of L1, L2, L3, L4`,
    ]);
  });

  it('collects every problem, not only the first', () => {
    const text = readFileSync(new URL('../../../test/fixtures/policy/broken-policy.yaml', import.meta.url), 'utf8');
    expect(problemsOf(text, 'broken-policy.yaml')).toEqual([
      'broken-policy.yaml:12 categories.damaged_item.level: expected one of L1, L2, L3, L4',
      'broken-policy.yaml:20 categories.order_status.colour: unknown key (expected one of label, group, level, priority, offenseBased, rule, redFlags, partner)',
      'broken-policy.yaml:23 signals.legal_threat[0].atLeast: expected an integer >= 1',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('version: x\ncategories:\n  a: [1, 2\n');
    expect(problems[0]).toMatch(/^policy\.yaml:4 Flow sequence/);
  });

  it('rejects duplicate keys (a second definition would silently win)', () => {
    const problems = problemsOf('version: x\nversion: y\n');
    expect(problems[0]).toMatch(/^policy\.yaml:2 .*unique/);
  });

  it('points a missing key at its mapping', () => {
    const text = withLine('  rule: R002-08\n  text: every escalation', '  text: every escalation');
    expect(problemsOf(text)).toEqual([`policy.yaml:${lineOf(text, 'escalation:\n')} escalation.rule: required`]);
  });

  it('checks rule conditions against the categories and vocabulary', () => {
    const text = withLine('when: { category: [inventory_discrepancy] }', 'when: { category: [inventory_discrepency], channel: [fax] }');
    const line = lineOf(text, 'inventory_discrepency]');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^policy\\.yaml:${line} rules\\[\\d+\\]\\.when\\.category\\[0\\]: unknown category "inventory_discrepency"`));
    expect(problems[1]).toMatch(new RegExp(`^policy\\.yaml:${line} rules\\[\\d+\\]\\.when\\.channel\\[0\\]: expected one of email, chat`));
  });

  it('requires decimal strings for amounts in conditions (R004-08)', () => {
    const text = withLine('when: { refund.amount: { gt: "500.00" } }', 'when: { refund.amount: { gt: 500.5 } }');
    expect(problemsOf(text)[0]).toMatch(/rules\[\d+\]\.when\["refund\.amount"\]\.gt: expected a decimal string/);
  });

  it('requires a requirement ID on every rule', () => {
    const text = withLine('- { atLeast: 1, level: L2, rule: R004-08, text: "customer demands a supervisor" }', '- { atLeast: 1, level: L2, rule: supervisor, text: "x" }');
    expect(problemsOf(text)[0]).toMatch(/signals\.manager_demand\[0\]\.rule: expected a requirement ID such as R003-06/);
  });

  it('reports an example whose facts are invalid at the fact path', () => {
    const text = withLine('facts: { category: order_status, order: { total: "499.99", currency: USD } }', 'facts: { category: order_status, order: { total: 499.99 } }');
    expect(problemsOf(text)).toEqual([
      `policy.yaml:${lineOf(text, 'total: 499.99')} examples[${examplesBefore(text, 'total: 499.99')}].facts.order.total: expected a decimal string`,
    ]);
  });

  it('rejects overlapping offense bands', () => {
    const text = withLine('- { from: 2, to: 3,', '- { from: 1, to: 3,');
    expect(problemsOf(text)[0]).toMatch(/offenses\.bands: offense bands overlap/);
  });

  it("reports the calendar's own checks with the policy's lines", () => {
    const text = withLine('holidayPreset: US', 'holidayPreset: XX');
    expect(problemsOf(text)).toEqual([`policy.yaml:${lineOf(text, 'holidayPreset: XX')} calendar.holidayPreset: "XX" is not a date-holidays country preset (e.g. "US", "US-CA", "GB-ENG")`]);
  });

  it('rejects an unknown top-level section', () => {
    expect(problemsOf(`${DEFAULT_POLICY_TEXT}\nroutingg: {}\n`).at(-1)).toMatch(/routingg: unknown key/);
  });
});

describe('parsePolicy: sections owned elsewhere', () => {
  it('passes returns, orderSla and incidents through untouched', () => {
    const text = `${DEFAULT_POLICY_TEXT}\nreturns:\n  windowDays: 30\norderSla: { processingDays: 4 }\nincidents: [{ threshold: 3 }]\n`;
    const policy = parsePolicy(text, 'policy.yaml');
    // The shipped policy's own caseLogs section (issue 5) passes through beside them.
    expect(policy.raw).toEqual({
      returns: { windowDays: 30 }, orderSla: { processingDays: 4 }, incidents: [{ threshold: 3 }],
      caseLogs: { resolveCase: { pickup: ['collected'], return_to_sender: ['reshipped'], incorrect_address: ['updated'] } },
    });
  });

  it('keeps the text it was read from, so a stored policy shows as written', () => {
    expect(defaultPolicy().policy.text).toBe(DEFAULT_POLICY_TEXT);
  });
});

function examplesBefore(text: string, needle: string): number {
  const head = text.slice(text.indexOf('\nexamples:'), text.indexOf(needle));
  return head.split('\n  - name:').length - 2;
}
