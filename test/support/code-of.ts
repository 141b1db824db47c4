/** What a synchronous rule answered: `ok`, or the DomainError's code and the field it names. */
export function codeOf(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
    return { code: 'ok' };
  } catch (err) {
    const e = err as { code?: string; field?: string };
    return { code: e.code ?? 'thrown', ...(e.field ? { field: e.field } : {}) };
  }
}
