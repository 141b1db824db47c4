import { describe, expect, it } from 'vitest';
import fastJson from 'fast-json-stringify';
import { isFreeFormObject, serializerFor } from './response-serializers.js';
import { anyObject, errorSchema, pageOf } from './schemas.js';

const view = {
  id: 7,
  subject: 'Parcel "arrived" broken \u2028 ünïcode',
  priority: 'P2',
  due: { firstResponse: '2026-12-07T09:00:00.000Z', resolution: null },
  skipped: undefined,
  decision: { reasons: [{ rule: 'R002-04', text: 'damaged item' }], signals: { legal_threat: 1 } },
  at: new Date('2026-12-06T22:00:00.000Z'),
  timeline: [{ type: 'message', data: { text: 'line\nbreak' } }],
};

describe('response serializers', () => {
  it('a free-form object schema is answered with exactly the bytes fast-json-stringify would give', () => {
    expect(isFreeFormObject(anyObject)).toBe(true);
    const ours = serializerFor(anyObject);
    expect(ours(view)).toBe(fastJson(anyObject)(view));
    expect(JSON.parse(ours(view))).toEqual(JSON.parse(JSON.stringify(view)));
  });

  it('a page of free-form items keeps only items and nextCursor, as fast-json-stringify does', () => {
    const schema = pageOf(anyObject);
    const page = { items: [view, { id: 8 }], nextCursor: 'abc', internalTotal: 99 };
    expect(serializerFor(schema)(page)).toBe(fastJson(schema)(page));
    expect(JSON.parse(serializerFor(schema)(page))).not.toHaveProperty('internalTotal');
    const last = { items: [], nextCursor: null };
    expect(serializerFor(schema)(last)).toBe(fastJson(schema)(last));
  });

  it('a schema that lists its properties still drops what it does not list', () => {
    const body = { error: { code: 'forbidden', message: 'no', field: 'team', stack: 'secret' } };
    expect(isFreeFormObject(errorSchema)).toBe(false);
    expect(JSON.parse(serializerFor(errorSchema)(body))).toEqual({ error: { code: 'forbidden', message: 'no', field: 'team' } });
  });

  it('an object schema with any constraint is not free-form', () => {
    expect(isFreeFormObject({ type: 'object', additionalProperties: true, required: ['id'] })).toBe(false);
    expect(isFreeFormObject({ type: 'object', additionalProperties: true, properties: { id: { type: 'number' } } })).toBe(false);
    expect(isFreeFormObject({ type: 'object' })).toBe(false);
    expect(isFreeFormObject({ type: 'null' })).toBe(false);
    expect(isFreeFormObject({ type: 'object', additionalProperties: true, description: 'a view' })).toBe(true);
  });
});
