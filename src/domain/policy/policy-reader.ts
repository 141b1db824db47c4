import type { YamlPath, YamlSource } from './policy-problems.js';

// Small typed readers over the plain data of a YAML document. Each reports a problem at its path and
// returns undefined instead of throwing, so the parser keeps going and collects every problem. An
// undefined value is absent and already dealt with (optional, or reported by `required`), so the
// readers pass it through silently.

export type Plain = Record<string, unknown>;

export class PolicyReader {
  constructor(readonly src: YamlSource) {}

  problem(path: YamlPath, message: string): undefined {
    this.src.add(path, message);
    return undefined;
  }

  map(value: unknown, path: YamlPath, allowedKeys?: readonly string[]): Plain | undefined {
    if (value === undefined) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.problem(path, 'expected a mapping');
    const map = value as Plain;
    if (allowedKeys) {
      for (const key of Object.keys(map)) {
        if (!allowedKeys.includes(key) && !key.startsWith('x-')) {
          this.src.add([...path, key], `unknown key (expected one of ${allowedKeys.join(', ')})`, 'key');
        }
      }
    }
    return map;
  }

  list(value: unknown, path: YamlPath): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.problem(path, 'expected a list');
    return value;
  }

  string(value: unknown, path: YamlPath): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '') return this.problem(path, 'expected a non-empty string');
    return value;
  }

  boolean(value: unknown, path: YamlPath): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') return this.problem(path, 'expected true or false');
    return value;
  }

  number(value: unknown, path: YamlPath, opts: { min?: number; integer?: boolean } = {}): number | undefined {
    if (value === undefined) return undefined;
    const ok = typeof value === 'number' && Number.isFinite(value) && (!opts.integer || Number.isInteger(value));
    if (!ok || (opts.min !== undefined && value < opts.min)) {
      const kind = opts.integer ? 'an integer' : 'a number';
      return this.problem(path, opts.min === undefined ? `expected ${kind}` : `expected ${kind} >= ${opts.min}`);
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: YamlPath, options: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      return this.problem(path, `expected one of ${options.join(', ')}`);
    }
    return value as T;
  }

  /** A list of vocabulary words; a single word is accepted as a one-item list. */
  words<T extends string>(value: unknown, path: YamlPath, options: readonly T[]): T[] | undefined {
    const items = typeof value === 'string' ? [value] : this.list(value, path);
    if (!items) return undefined;
    const out: T[] = [];
    items.forEach((item, i) => {
      const word = this.oneOf(item, typeof value === 'string' ? path : [...path, i], options);
      if (word !== undefined) out.push(word);
    });
    return out.length === items.length ? out : undefined;
  }

  /** A required key: reports "required" at the line of the mapping's own key when it is absent. */
  required(map: Plain, key: string, path: YamlPath): unknown {
    if (map[key] === undefined || map[key] === null) {
      this.src.add([...path, key], 'required', 'parent');
      return undefined;
    }
    return map[key];
  }
}
