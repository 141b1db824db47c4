import fastJson from 'fast-json-stringify';

// Response serialization. Fastify compiles every response schema with fast-json-stringify, which
// is fast for a schema that lists its properties and slow for a free-form object
// (`additionalProperties: true`): it walks the keys and calls JSON.stringify on each value, then
// concatenates. On a 1.8 KB case view that measured 24–25 µs against 8–11 µs for one
// JSON.stringify (microbenchmark, 20,000 calls, 2026-12-06) — paid on nearly every route,
// since most answer a free-form view. Such schemas describe the answer for the OpenAPI document but
// filter nothing, so JSON.stringify gives the same bytes. Schemas that list properties keep
// fast-json-stringify: there it also drops what the schema does not list.

type Schema = Record<string, unknown>;
type Serializer = (data: unknown) => string;

/** An object schema that lists nothing and lets every property through. */
export function isFreeFormObject(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const s = schema as Schema;
  const keys = Object.keys(s).filter((k) => k !== 'description' && k !== 'title');
  return s.type === 'object' && s.additionalProperties === true && keys.every((k) => k === 'type' || k === 'additionalProperties');
}

/**
 * A page of free-form items (`pageOf(anyObject)`): fast-json-stringify would emit `items` and
 * `nextCursor` and drop any other key; so does this, with one JSON.stringify.
 */
function isPageOfFreeForm(schema: Schema): boolean {
  const props = schema.properties as Schema | undefined;
  if (schema.type !== 'object' || !props || schema.additionalProperties !== undefined || schema.required !== undefined) return false;
  const names = Object.keys(props);
  const items = props.items as Schema | undefined;
  return names.length === 2 && names.includes('nextCursor') && items?.type === 'array' && isFreeFormObject(items.items);
}

const stringify: Serializer = (data) => JSON.stringify(data);

function stringifyPage(data: unknown): string {
  const { items, nextCursor } = data as { items?: unknown; nextCursor?: unknown };
  return JSON.stringify({ items, nextCursor });
}

/** The serializer for one response schema (Fastify's serializer compiler). */
export function serializerFor(schema: unknown): Serializer {
  if (isFreeFormObject(schema)) return stringify;
  if (schema && typeof schema === 'object' && isPageOfFreeForm(schema as Schema)) return stringifyPage;
  return fastJson(schema as Parameters<typeof fastJson>[0]);
}
