import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client';
import type { LogFieldDescription } from '../../api/log-types';
import { Field } from '../../components/fields';
import { humanize } from '../../lib/format';
import { LIST_TYPES, type Draft } from './log-draft';

// One templated field as a form control; its draft and wire forms live in log-draft.ts.

export function LogFieldInput(props: {
  def: LogFieldDescription;
  value: Draft;
  error: ApiError | null;
  /** Why a next move needs it: shown under the control. */
  needed?: string | undefined;
  /** Shown under the control, e.g. a minor-unit amount read as money. */
  extra?: ReactNode;
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
          return <>{<input {...common} inputMode="numeric" />}{props.extra}</>;
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
