import { describe, expect, it } from 'vitest';
import { MacroTemplateError, macroTemplateSlots, parseMacroTemplate, positionOf } from './macro-template.js';
import { DEFAULT_MACROS } from './default-macros.js';

function problemsOf(source: string) {
  try {
    parseMacroTemplate(source);
  } catch (err) {
    if (err instanceof MacroTemplateError) return err.problems;
    throw err;
  }
  throw new Error('expected the template to be refused');
}

describe('macro template parsing (issue 5 item 3)', () => {
  it('reads text, variables with filters and free placeholders (R001-10)', () => {
    const t = parseMacroTemplate('Hi {{customer.firstName | default:"there"}}, order #{{order.number}} ships {{case.promisedBy|date}}. Reason: [[reason for delay]].');
    expect(t.nodes.map((n) => n.kind)).toEqual(['text', 'variable', 'text', 'variable', 'text', 'variable', 'text', 'placeholder', 'text']);
    expect(t.nodes[1]).toMatchObject({ kind: 'variable', name: 'customer.firstName', filters: [{ name: 'default', argument: 'there' }] });
    expect(t.nodes[5]).toMatchObject({ name: 'case.promisedBy', filters: [{ name: 'date' }] });
    expect(macroTemplateSlots(t)).toEqual({ variables: ['customer.firstName', 'order.number', 'case.promisedBy'], placeholders: ['reason for delay'] });
  });

  it('placeholder offsets point at the [[…]] in the template', () => {
    const source = 'Ship date: [[new ship date]]';
    const node = parseMacroTemplate(source).nodes[1]!;
    expect(node).toMatchObject({ kind: 'placeholder', label: 'new ship date' });
    if (node.kind !== 'placeholder') throw new Error('expected a placeholder');
    expect(source.slice(node.start, node.end)).toBe('[[new ship date]]');
  });

  it('an unknown variable is refused with its line, column and a suggestion', () => {
    const [p] = problemsOf('Hello,\nyour order {{order.nubmer}} is late');
    expect(p).toMatchObject({ line: 2, column: 14, message: 'unknown variable "order.nubmer"; did you mean "order.number"?' });
  });

  it('an unclosed {{ or [[ is refused at its opening', () => {
    expect(problemsOf('Hi {{customer.firstName')[0]).toMatchObject({ line: 1, column: 4 });
    expect(problemsOf('Reason: [[why\n]]')[0]).toMatchObject({ line: 1, column: 9, message: expect.stringContaining('not closed') });
  });

  it('a stray }} or ]] is refused: it is usually a missing opening brace', () => {
    expect(problemsOf('Hi {customer.firstName}}')[0]!.message).toContain('without a matching "{{"');
    expect(problemsOf('Reason: [why]]')[0]!.message).toContain('without a matching "[["');
  });

  it('filters must exist, fit the value and get their argument', () => {
    expect(problemsOf('{{order.number | date}}')[0]!.message).toBe('the date filter does not apply to order.number (text)');
    expect(problemsOf('{{customer.name | uper}}')[0]!.message).toBe('unknown filter "uper"; did you mean "upper"?');
    expect(problemsOf('{{customer.name | default}}')[0]!.message).toContain('needs a quoted argument');
    expect(problemsOf('{{customer.name | upper:"x"}}')[0]!.message).toBe('the upper filter takes no argument');
    expect(problemsOf('{{customer.name | default:there}}')[0]!.message).toContain('expected a quoted argument');
  });

  it('lists every problem, not only the first', () => {
    const problems = problemsOf('{{order.nope}} and {{case.whatever}} and [[ ]]');
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.column)).toEqual([3, 22, 42]);
  });

  it('the error is invalid_input on the field it came from, message with positions', () => {
    try {
      parseMacroTemplate('{{order.nope}}', 'macros[2].body');
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(MacroTemplateError);
      expect(err).toMatchObject({ code: 'invalid_input', field: 'macros[2].body' });
      expect((err as Error).message).toContain('line 1, column 3');
    }
  });

  it('quoted arguments keep escaped quotes', () => {
    const t = parseMacroTemplate('{{customer.firstName | default:"the \\"customer\\""}}');
    expect(t.nodes[0]).toMatchObject({ filters: [{ name: 'default', argument: 'the "customer"' }] });
  });

  it('positions count lines and columns from 1', () => {
    expect(positionOf('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  it('every default macro parses (the shipped set is valid)', () => {
    for (const m of DEFAULT_MACROS) expect(() => parseMacroTemplate(m.body), m.title).not.toThrow();
  });
});
