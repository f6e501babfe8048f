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
export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors?: readonly FieldProblem[] }) {
  if (!errors?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{ctx.t('form.errorSummary', { count: errors.length })}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#field-${e.field.replace(/^body\./, '')}`}>
              {e.field.replace(/^body\./, '')}: {e.message}
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

export function TextField(props: FieldProps) {
  const id = `field-${props.name}`;
  const error = fieldError(props.errors, props.name);
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        dir={props.dir ?? 'auto'}
        inputMode={props.inputMode as never}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
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
  const id = `field-${props.name}`;
  const error = fieldError(props.errors, props.name);
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select id={id} name={props.name} required={props.required} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FormActions({ children }: { children: ComponentChildren }) {
  return <div class="form-actions">{children}</div>;
}
