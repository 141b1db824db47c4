/** The one source of "now" for use cases; tests replace it to pin time. */
export const clock = {
  now(): Date {
    return new Date();
  },
};

export function nowIso(): string {
  return clock.now().toISOString();
}
