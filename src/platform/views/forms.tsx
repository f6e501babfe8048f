import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../errors.ts';
import type { PageContext } from './page-context.ts';

export function CsrfField({ ctx }: { ctx: Pick<PageContext, 'csrfToken'> }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export function fieldError(errors: readonly FieldProblem[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field || e.field === `body.${field}`)?.message;
}

/** Lists every problem at the top of a form, each linking to its field (WCAG 3.3.1). */
/** `labelOf` names a field in the reader's words where its name is a code ("v3-year" on the ingest review); without it, the field's name is shown. */
export function ErrorSummary({ ctx, errors, labelOf }: { ctx: PageContext; errors?: readonly FieldProblem[]; labelOf?: (field: string) => string | undefined }) {
  if (!errors?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{ctx.t('form.errorSummary', { count: errors.length })}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#field-${e.field.replace(/^body\./, '')}`}>
              {labelOf?.(e.field) ?? e.field.replace(/^body\./, '')}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | null;
  errors?: readonly FieldProblem[];
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  dir?: 'auto' | 'rtl' | 'ltr';
  inputMode?: string;
}

/** Label, hint and error message around one control, tied together for screen readers (WCAG 1.3.1, 3.3.1). */
function FieldFrame(props: { name: string; label: string; required?: boolean; hint?: string; error?: string; children: ComponentChildren }) {
  const id = `field-${props.name}`;
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint && `field-${name}-hint`, error && `field-${name}-error`].filter(Boolean).join(' ') || undefined;
}

export function TextField(props: FieldProps) {
  const error = fieldError(props.errors, props.name);
  return (
    <FieldFrame name={props.name} label={props.label} required={props.required} hint={props.hint} error={error}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        dir={props.dir ?? 'auto'}
        inputMode={props.inputMode as never}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldFrame>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  value?: string | null;
  options: readonly (readonly [value: string, label: string])[];
  errors?: readonly FieldProblem[];
  required?: boolean;
  emptyLabel?: string;
}) {
  const error = fieldError(props.errors, props.name);
  return (
    <FieldFrame name={props.name} label={props.label} required={props.required} error={error}>
      <select id={`field-${props.name}`} name={props.name} required={props.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, undefined, error)}>
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>;
}
