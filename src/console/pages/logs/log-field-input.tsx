import type { ApiError } from '../../api/client';
import type { LogFieldDescription, LogFieldValue } from '../../api/log-types';
import { Field } from '../../components/fields';
import { humanize } from '../../lib/format';

// One templated field as a form control. Drafts are strings (or the ticked options of an
// enum_list); toWire turns them into what PATCH /cases/:id/log takes, and the server still checks
// every value and names the field it refuses (`fields.<key>`).

export type Draft = string | string[];

const LIST_TYPES = new Set(['sku_list', 'order_numbers']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An ISO instant as the browser's local `datetime-local` value. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toDraft(def: LogFieldDescription, value: LogFieldValue | undefined): Draft {
  if (value === undefined) return def.type === 'enum_list' ? [] : '';
  if (def.type === 'enum_list') return Array.isArray(value) ? value : [String(value)];
  if (Array.isArray(value)) return value.join(', ');
  if (def.type === 'datetime' && typeof value === 'string') return toLocalInput(value);
  return String(value);
}

/** null clears the field; a value the server will not take goes as typed, so its error names the field. */
export function toWire(def: LogFieldDescription, draft: Draft): LogFieldValue | null {
  if (Array.isArray(draft)) return draft.length ? draft : null;
  const text = draft.trim();
  if (text === '') return null;
  if (LIST_TYPES.has(def.type)) return text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  if (def.type === 'integer') return /^\d+$/.test(text) ? Number(text) : text;
  if (def.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (def.type === 'datetime') {
    const t = Date.parse(text);
    return Number.isNaN(t) ? text : new Date(t).toISOString();
  }
  return text;
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : a === b;
}

export function LogFieldInput(props: {
  def: LogFieldDescription;
  value: Draft;
  error: ApiError | null;
  /** Why a next move needs it: shown under the control. */
  needed?: string | undefined;
  onChange(value: Draft): void;
}) {
  const { def, value, onChange } = props;
  const readOnly = !def.youMayEdit;
  const hint = [props.needed ? `Needed: ${props.needed}` : null, def.help, LIST_TYPES.has(def.type) && !readOnly ? 'Separate with commas' : null]
    .filter(Boolean).join(' · ') || undefined;
  const label = `${def.label}${def.requiredAtOpen ? ' (required)' : ''}`;
  const name = `fields.${def.key}`;
  if (def.type === 'enum_list') {
    const ticked = Array.isArray(value) ? value : [];
    return (
      <fieldset className={`field log-field${props.needed ? ' is-needed' : ''}`} disabled={readOnly}>
        <legend>{label}</legend>
        <div className="option-row">
          {(def.options ?? []).map((o) => (
            <label key={o} className="check">
              <input type="checkbox" checked={ticked.includes(o)} onChange={(e) => onChange(e.target.checked ? [...ticked, o] : ticked.filter((t) => t !== o))} />
              {' '}{humanize(o)}
            </label>
          ))}
        </div>
        <FieldErrorOnly error={props.error} name={name} />
        {hint ? <small className="hint">{hint}</small> : null}
      </fieldset>
    );
  }
  const text = Array.isArray(value) ? value.join(', ') : value;
  return (
    <Field label={label} name={name} error={props.error} hint={hint} className={`log-field${props.needed ? ' is-needed' : ''}`} render={(a) => {
      const common = { ...a, value: text, readOnly, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
      switch (def.type) {
        case 'longtext':
          return <textarea {...common} rows={3} />;
        case 'enum':
          return (
            <select {...common} disabled={readOnly}>
              <option value="">—</option>
              {(def.options ?? []).map((o) => <option key={o} value={o}>{humanize(o)}</option>)}
            </select>
          );
        case 'boolean':
          return (
            <select {...common} disabled={readOnly}>
              <option value="">—</option>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          );
        case 'integer':
          return <input {...common} inputMode="numeric" />;
        case 'date':
          return <input {...common} type="date" />;
        case 'datetime':
          return <input {...common} type="datetime-local" />;
        case 'url':
          return <input {...common} type="url" />;
        default:
          return <input {...common} autoCapitalize="off" />;
      }
    }} />
  );
}

function FieldErrorOnly({ error, name }: { error: ApiError | null; name: string }) {
  if (!error?.field || !(error.field === name || error.field.startsWith(`${name}[`))) return null;
  return <small className="field-error" role="alert">{error.message}</small>;
}
