// What is still to be filled in a reply (issue 5 item 3): a reply from a macro is refused while any
// of these remain, so a customer never receives "[[new ship date]]" or "{{order.number}}".

export type UnfilledKind =
  /** `[[reason for delay]]`: a blank the macro asks the agent to fill. */
  | 'placeholder'
  /** `{{order.number}}`: a variable that was not rendered (typed or pasted by hand). */
  | 'variable'
  /** `____`: the blank of the paper templates (R001-10 "Order #____"). */
  | 'blank';

export interface Unfilled {
  kind: UnfilledKind;
  /** The label ("reason for delay"), the variable ("order.number") or the blank as written. */
  label: string;
  /** Offsets in the text, end exclusive, so an editor can select it. */
  start: number;
  end: number;
}

// A blank is three or more underscores: the paper templates' "#____" and "Count: ___".
const UNFILLED = /\[\[([^\]\n]*)\]\]|\{\{([^}\n]*)\}\}|_{3,}/g;

/** Every placeholder, unrendered variable and blank left in `text`, in order. */
export function unfilledPlaceholders(text: string): Unfilled[] {
  const out: Unfilled[] = [];
  for (const m of text.matchAll(UNFILLED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) out.push({ kind: 'placeholder', label: m[1].trim().replace(/\s+/g, ' '), start, end });
    else if (m[2] !== undefined) out.push({ kind: 'variable', label: m[2].split('|')[0]!.trim(), start, end });
    else out.push({ kind: 'blank', label: m[0], start, end });
  }
  return out;
}

/** "[[reason for delay]], {{order.number}}" — for error messages. */
export function describeUnfilled(items: readonly Unfilled[], max = 5): string {
  const shown = items.slice(0, max).map((u) => (u.kind === 'placeholder' ? `[[${u.label}]]` : u.kind === 'variable' ? `{{${u.label}}}` : u.label));
  return items.length > max ? `${shown.join(', ')} and ${items.length - max} more` : shown.join(', ');
}
