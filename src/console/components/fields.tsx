import { useId, type ReactNode } from 'react';
import type { ApiError } from '../api/client';

/**
 * A labelled input whose server error (`{"error":{"field"}}`) shows right under it. `name` is the
 * server's field path; `render` gets the id and ARIA wiring to put on the control.
 */
export function Field(props: {
  label: string;
  name: string;
  error: ApiError | null;
  hint?: string;
  className?: string;
  render(attrs: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }): ReactNode;
}) {
  const id = useId();
  const mine = fieldErrorFor(props.error, props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errId = mine ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${mine ? ' has-error' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.render({ id, name: props.name, 'aria-invalid': Boolean(mine), 'aria-describedby': describedBy })}
      {props.hint ? <small id={hintId} className="hint">{props.hint}</small> : null}
      {mine ? <small id={errId} className="field-error" role="alert">{mine}</small> : null}
    </div>
  );
}

export function fieldErrorFor(error: ApiError | null, name: string): string | null {
  if (!error?.field) return null;
  return error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`) ? error.message : null;
}

/** The error of a form when it names none of the form's own fields. */
export function FormError({ error, fields }: { error: ApiError | null; fields: string[] }) {
  if (!error) return null;
  if (fields.some((f) => fieldErrorFor(error, f))) return null;
  return (
    <p className="form-error" role="alert">
      {error.field ? <strong>{error.field}: </strong> : null}
      {error.message}
    </p>
  );
}

export function ErrorNote({ error, title }: { error: { message: string } | null; title?: string }) {
  if (!error) return null;
  return (
    <div className="error-note" role="alert">
      {title ? <strong>{title} </strong> : null}
      {error.message}
    </div>
  );
}
