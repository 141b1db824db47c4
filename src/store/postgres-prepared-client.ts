import { createHash } from 'node:crypto';
import type pg from 'pg';

// Named prepared statements for the PostgreSQL pool.
//
// Kysely sends every query as an unnamed statement, so PostgreSQL parses and plans the same few
// dozen statements again on every request. Naming a statement makes the server keep its parse
// (and, after a few runs, a generic plan) per connection: measured on the open-case path
// (2,000 cases, 50 concurrent, pool of 10) 404–407 → 516–545 cases/s.
//
// Bounded: only the first MAX_NAMED distinct texts get a name, so a connection never holds more
// than that many prepared statements (Kysely builds new texts for different IN-list and multi-row
// lengths). Transaction control and statements without parameters stay unnamed.
//
// A prepared `select *` refuses to run once a migration changes its table's columns ("cached plan
// must not change result type"); migrations run before an instance serves, and an instance older
// than the schema must be restarted anyway, so instances are restarted after `ladder migrate`.

const MAX_NAMED = 400;
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `ladder_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** A pg.Client subclass for `new Pool({ Client })` that names parameterised statements. */
export function preparedStatementClient(Base: typeof pg.Client): typeof pg.Client {
  class PreparedStatementClient extends Base {
    // pg's overloads are many; this forwards them all and only rewrites (text, values[, cb]).
    override query(...args: unknown[]): never {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = nameFor(text);
        if (name) return (super.query as (...a: unknown[]) => never)({ name, text, values }, ...args.slice(2));
      }
      return (super.query as (...a: unknown[]) => never)(...args);
    }
  }
  return PreparedStatementClient as unknown as typeof pg.Client;
}
