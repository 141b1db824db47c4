import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { DomainError } from '../errors.js';

export type YamlPath = (string | number)[];

export interface PolicyProblem {
  source: string;
  /** 1-based; absent only when the problem has no place in the text (an empty document). */
  line?: number;
  path: string;
  message: string;
}

export function formatProblem(p: PolicyProblem): string {
  const where = p.line === undefined ? p.source : `${p.source}:${p.line}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where} ${p.message}`;
}

/** All problems of one policy text; the message lists them one per line. */
export class PolicyError extends DomainError {
  constructor(readonly problems: PolicyProblem[]) {
    super('invalid_policy', problems.map(formatProblem).join('\n'));
    this.name = 'PolicyError';
  }
}

/** `categories.damaged_item.level`, `examples[3].facts`, `when["order.total"]`. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * A parsed YAML document plus everything needed to report problems by line. Problems are collected,
 * never thrown one by one, so an author fixes a policy in one pass.
 */
export class YamlSource {
  readonly problems: PolicyProblem[] = [];
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(
    readonly text: string,
    readonly source: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    for (const err of [...this.doc.errors, ...this.doc.warnings]) {
      this.problems.push({ source, line: this.lineAt(err.pos[0]), path: '', message: err.message.split('\n')[0] ?? err.code });
    }
  }

  /** The document as plain data; undefined when it did not parse. */
  toJS(): unknown {
    return this.doc.errors.length > 0 ? undefined : this.doc.toJS({ maxAliasCount: 100 });
  }

  /** `at`: the value's line, its key's line, or (for a missing key) the line of the parent's key. */
  add(path: YamlPath, message: string, at: 'value' | 'key' | 'parent' = 'value'): void {
    const line = at === 'parent' ? this.lineOf(path.slice(0, -1), 'key') : this.lineOf(path, at);
    this.problems.push({ source: this.source, line, path: formatPath(path), message });
  }

  /** Line of the node at `path`, or of its nearest ancestor that exists (a missing key → its map). */
  lineOf(path: YamlPath, at: 'value' | 'key' = 'value'): number | undefined {
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      if (at === 'key' && n === path.length && n > 0) {
        const keyLine = this.keyLine(prefix);
        if (keyLine !== undefined) return keyLine;
        continue;
      }
      const node = prefix.length === 0 ? this.doc.contents : this.doc.getIn(prefix, true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return this.lineAt(range[0]);
    }
    return undefined;
  }

  private keyLine(path: YamlPath): number | undefined {
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const key = path[path.length - 1];
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) return this.lineAt(pair.key.range[0]);
    }
    return undefined;
  }

  private lineAt(offset: number): number {
    return this.lines.linePos(offset).line;
  }
}

/** "timeline[2].signal" → ["timeline", 2, "signal"]. */
export function fieldToPath(field: string): YamlPath {
  const out: YamlPath = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
