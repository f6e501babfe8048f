import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import Value from 'typebox/value';
import { type FieldProblem, InvalidInput } from './errors.ts';
import { validationMessage } from './i18n/validation-messages.ts';

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function validatorOf(schema: TSchema) {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = Compile(schema);
    compiled.set(schema, validator);
  }
  return validator;
}

function problemsOf(schema: TSchema, value: unknown): FieldProblem[] {
  const validator = validatorOf(schema);
  const problems: FieldProblem[] = [];
  for (const error of validator.Errors(value)) {
    if (error.keyword === 'boolean') continue; // reported again, with the field's name, as additionalProperties
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = error.params as Record<string, unknown> & { additionalProperties?: string[]; requiredProperties?: string[] };
    const within = (name: string) => (path ? `${path}.${name}` : name);
    // A missing or unknown field is named as the field itself, not as its parent object.
    if (params.additionalProperties) {
      for (const name of params.additionalProperties) problems.push({ field: within(name), message: validationMessage('additionalProperties', {}, 'is not a known field') });
    } else if (error.keyword === 'required' && params.requiredProperties) {
      for (const name of params.requiredProperties) problems.push({ field: within(name), message: validationMessage('required', {}, error.message) });
    } else {
      problems.push({ field: path || '(body)', message: validationMessage(error.keyword, params, error.message) });
    }
  }
  return problems;
}

/**
 * Checks input against a TypeBox schema and returns it typed, or throws InvalidInput naming every bad
 * field. Services call this, so pages, API and CLI get the same rules and the same messages.
 */
export function parseInput<S extends TSchema>(schema: S, raw: unknown): Static<S> {
  const value = Value.Convert(schema, Value.Clone(raw));
  const problems = problemsOf(schema, value);
  if (problems.length) throw new InvalidInput(problems);
  return value as Static<S>;
}

/**
 * parseInput for values that already have the right types (a CSV row's text fields): the compiled check
 * alone on the common path, and the full conversion only to explain a failure. Bulk imports call this
 * once per row.
 */
export function checkInput<S extends TSchema>(schema: S, value: unknown): Static<S> {
  return validatorOf(schema).Check(value) ? (value as Static<S>) : parseInput(schema, value);
}

/** HTML forms send every field as a string; an empty optional field means "no value". */
export function formToInput(body: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body ?? {})) {
    if (key === '_csrf') continue;
    input[key] = typeof value === 'string' && value.trim() === '' ? undefined : value;
  }
  return input;
}

/** A multi-select field: absent, one value or several, always as a list. */
export function formList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String).filter(Boolean);
}

/** A field where several values are typed separated by commas ("stabilization, repatriation"). */
export function commaList(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

/** A record form's fields as service input: empty optional fields absent, the restricted-groups list always a list. */
export function recordFormInput(body: unknown): Record<string, unknown> {
  const input = formToInput(body as Record<string, unknown>);
  input.restrictedGroupIds = formList(input.restrictedGroupIds);
  return input;
}
