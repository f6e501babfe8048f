import type { MessageKey } from './i18n.ts';
import { say } from './say.ts';

/** Schema keywords whose failure has a message of its own in the catalogues. */
const KEYS: Record<string, string> = {
  required: 'validation.required',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
  pattern: 'validation.pattern',
  format: 'validation.format',
  type: 'validation.type',
  minimum: 'validation.minimum',
  exclusiveMinimum: 'validation.minimum',
  maximum: 'validation.maximum',
  exclusiveMaximum: 'validation.maximum',
  const: 'validation.choice',
  enum: 'validation.choice',
  anyOf: 'validation.choice',
  additionalProperties: 'validation.unknownField',
  minItems: 'validation.minItems',
  maxItems: 'validation.maxItems',
};

/**
 * A schema validator's complaint about a field, in the language of the request being served (English on
 * the command line): the page and the API say "doit compter au plus 500 caractères" to a reader in
 * French. Keywords without a message of their own keep the validator's English.
 */
export function validationMessage(keyword: string, params: Record<string, unknown>, fallback: string): string {
  const key = KEYS[keyword];
  if (!key) return fallback;
  const values = Object.fromEntries(Object.entries(params).filter(([, value]) => typeof value === 'string' || typeof value === 'number')) as Record<string, string | number>;
  return say(key as MessageKey, values);
}
