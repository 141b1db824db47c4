import { DomainError } from '../errors.js';
import {
  MACRO_FILTERS, MACRO_VARIABLES, isMacroFilter, isMacroVariable,
  type MacroFilterName, type MacroVariable,
} from './macro-variables.js';
import { closestName } from './edit-measure.js';

// The macro template language (issue 5 item 3, R001-10):
//   {{customer.firstName}}            a value from the case, order or customer, filled by Ladder
//   {{case.promisedBy | date}}        … formatted by a filter
//   {{customer.firstName | default:"there"}}
//   [[reason for delay]]              a blank the agent must fill before the reply can be sent
// The seed templates' "[why]" and "#____" blanks become [[why]] and {{order.number}}.

export interface TextNode {
  kind: 'text';
  value: string;
}

export interface MacroFilterCall {
  name: MacroFilterName;
  argument?: string;
}

export interface VariableNode {
  kind: 'variable';
  name: MacroVariable;
  filters: MacroFilterCall[];
  /** Offsets of the whole `{{…}}` in the template. */
  start: number;
  end: number;
}

export interface PlaceholderNode {
  kind: 'placeholder';
  label: string;
  start: number;
  end: number;
}

export type MacroNode = TextNode | VariableNode | PlaceholderNode;

export interface MacroTemplate {
  nodes: MacroNode[];
}

export interface MacroTemplateProblem {
  /** Offset in the template (UTF-16 code units), and the same as 1-based line and column. */
  offset: number;
  line: number;
  column: number;
  message: string;
}

export const MAX_PLACEHOLDER_LABEL = 100;

/** Every problem of a template, each with its position; `field` is where the template came from. */
export class MacroTemplateError extends DomainError {
  constructor(readonly problems: MacroTemplateProblem[], field = 'body') {
    super('invalid_input', problems.map(formatMacroProblem).join('; '), field);
    this.name = 'MacroTemplateError';
  }
}

export function formatMacroProblem(p: MacroTemplateProblem): string {
  return `line ${p.line}, column ${p.column}: ${p.message}`;
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses a template, or throws MacroTemplateError listing every problem found. */
export function parseMacroTemplate(source: string, field = 'body'): MacroTemplate {
  const problems: MacroTemplateProblem[] = [];
  const report = (offset: number, message: string) => problems.push({ offset, ...positionOf(source, offset), message });
  const nodes: MacroNode[] = [];
  let text = '';
  const flushText = () => {
    if (text) nodes.push({ kind: 'text', value: text });
    text = '';
  };

  let i = 0;
  while (i < source.length) {
    const open = nextMarker(source, i);
    if (open === -1) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, open);
    const marker = source.slice(open, open + 2);
    if (marker === '}}' || marker === ']]') {
      report(open, `"${marker}" without a matching "${marker === '}}' ? '{{' : '[['}"`);
      text += marker;
      i = open + 2;
      continue;
    }
    const closer = marker === '{{' ? '}}' : ']]';
    const close = source.indexOf(closer, open + 2);
    const lineEnd = source.indexOf('\n', open + 2);
    if (close === -1 || (lineEnd !== -1 && lineEnd < close)) {
      report(open, `"${marker}" is not closed with "${closer}" on the same line`);
      text += source.slice(open);
      break;
    }
    flushText();
    const inner = source.slice(open + 2, close);
    if (marker === '{{') {
      const node = parseVariable(inner, open + 2, report);
      if (node) nodes.push({ ...node, start: open, end: close + 2 });
    } else {
      const label = inner.trim().replace(/\s+/g, ' ');
      if (!label) report(open, 'a placeholder needs a label, e.g. [[new ship date]]');
      else if (label.length > MAX_PLACEHOLDER_LABEL) report(open, `a placeholder label is at most ${MAX_PLACEHOLDER_LABEL} characters`);
      else if (/[[\]{}]/.test(label)) report(open + 2 + inner.search(/[[\]{}]/), 'a placeholder label may not contain brackets or braces');
      else nodes.push({ kind: 'placeholder', label, start: open, end: close + 2 });
    }
    i = close + 2;
  }
  flushText();
  if (problems.length) throw new MacroTemplateError(problems, field);
  return { nodes };
}

function nextMarker(s: string, from: number): number {
  const re = /\{\{|\}\}|\[\[|\]\]/g;
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? m.index : -1;
}

type Report = (offset: number, message: string) => void;

const NAME = /[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*/y;
const FILTER_NAME = /[A-Za-z]+/y;

/** `path ( | filter ( :"argument" )? )*`; offsets in problems are absolute. */
function parseVariable(inner: string, base: number, report: Report): Omit<VariableNode, 'start' | 'end'> | null {
  let p = 0;
  const skipSpace = () => {
    while (p < inner.length && (inner[p] === ' ' || inner[p] === '\t')) p++;
  };
  skipSpace();
  NAME.lastIndex = p;
  const nameMatch = NAME.exec(inner);
  if (!nameMatch) {
    report(base + p, 'expected a variable name such as customer.firstName');
    return null;
  }
  const name = nameMatch[0];
  const nameAt = base + p;
  p = NAME.lastIndex;
  let ok = true;
  if (!isMacroVariable(name)) {
    const hint = closestName(name, Object.keys(MACRO_VARIABLES));
    report(nameAt, `unknown variable "${name}"${hint ? `; did you mean "${hint}"?` : ''}`);
    ok = false;
  }
  const filters: MacroFilterCall[] = [];
  skipSpace();
  while (p < inner.length) {
    if (inner[p] !== '|') {
      report(base + p, `unexpected "${inner[p]}"; filters follow "|", e.g. {{case.promisedBy | date}}`);
      return null;
    }
    p++;
    skipSpace();
    FILTER_NAME.lastIndex = p;
    const fm = FILTER_NAME.exec(inner);
    if (!fm) {
      report(base + p, 'expected a filter name after "|"');
      return null;
    }
    const filterAt = base + p;
    p = FILTER_NAME.lastIndex;
    skipSpace();
    let argument: string | undefined;
    if (inner[p] === ':') {
      p++;
      skipSpace();
      const parsed = readQuoted(inner, p);
      if (!parsed) {
        report(base + p, 'expected a quoted argument, e.g. default:"there"');
        return null;
      }
      argument = parsed.value;
      p = parsed.end;
      skipSpace();
    }
    const fname = fm[0];
    if (!isMacroFilter(fname)) {
      const hint = closestName(fname, Object.keys(MACRO_FILTERS));
      report(filterAt, `unknown filter "${fname}"${hint ? `; did you mean "${hint}"?` : ''}`);
      ok = false;
      continue;
    }
    const spec = MACRO_FILTERS[fname];
    if (spec.argument === 'required' && argument === undefined) {
      report(filterAt, `the ${fname} filter needs a quoted argument, e.g. ${fname}:"…"`);
      ok = false;
    } else if (spec.argument === 'none' && argument !== undefined) {
      report(filterAt, `the ${fname} filter takes no argument`);
      ok = false;
    }
    if (isMacroVariable(name)) {
      const kind = MACRO_VARIABLES[name].kind;
      if (!(spec.appliesTo as readonly string[]).includes(kind)) {
        report(filterAt, `the ${fname} filter does not apply to ${name} (${kind})`);
        ok = false;
      }
    }
    filters.push(argument === undefined ? { name: fname } : { name: fname, argument });
  }
  return ok ? { kind: 'variable', name: name as MacroVariable, filters } : null;
}

function readQuoted(s: string, at: number): { value: string; end: number } | null {
  if (s[at] !== '"') return null;
  let value = '';
  for (let p = at + 1; p < s.length; p++) {
    const ch = s[p]!;
    if (ch === '\\' && p + 1 < s.length) {
      value += s[++p];
    } else if (ch === '"') {
      return { value, end: p + 1 };
    } else {
      value += ch;
    }
  }
  return null;
}

/** The variables and placeholders a template uses, in order of first appearance. */
export function macroTemplateSlots(t: MacroTemplate): { variables: MacroVariable[]; placeholders: string[] } {
  const variables = new Set<MacroVariable>();
  const placeholders = new Set<string>();
  for (const n of t.nodes) {
    if (n.kind === 'variable') variables.add(n.name);
    else if (n.kind === 'placeholder') placeholders.add(n.label);
  }
  return { variables: [...variables], placeholders: [...placeholders] };
}
