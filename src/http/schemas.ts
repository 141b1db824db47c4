// JSON schemas shared by routes, for validation and the generated OpenAPI document.

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9]{1,15}$', description: 'Numeric id' } },
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
    },
  },
} as const;

export const anyObject = { type: 'object', additionalProperties: true } as const;

export const pageOf = (item: object) =>
  ({
    type: 'object',
    properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
  }) as const;

export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  415: errorSchema,
  422: errorSchema,
} as const;

export const caseFactsBody = {
  type: 'object',
  description: 'Case facts (contract decision.md) plus optional subject, team, customer and order details. Only `category` is required.',
  required: ['category'],
  additionalProperties: true,
  properties: {
    category: { type: 'string' },
    subject: { type: 'string', maxLength: 300 },
    team: { type: 'string' },
    now: { type: 'string', format: 'date-time' },
    channel: { type: 'string' },
    storefront: { type: 'string' },
    severity: { type: 'string' },
    customer: { type: 'object', additionalProperties: true },
    order: { type: 'object', additionalProperties: true },
    refund: { type: 'object', additionalProperties: true },
    timeline: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;
