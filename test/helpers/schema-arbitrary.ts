import fc from 'fast-check';

/** The JSON Schema subset TypeBox emits for request bodies. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Text that has broken systems before: direction overrides, Arabic, markup, SQL, control characters. */
export const HOSTILE_TEXT = ['\u202e\u2066evil\u2069', '\u200f\u200e', 'ا'.repeat(3000), "'; drop table users; --", '<script>alert(1)</script>', '../../etc/passwd', '%00%ff', '١٢٣', 'Ω≈ç√∫', '🛰️👩🏽‍💻', '\r\n\t', ' leading and trailing '];

/**
 * Values that satisfy a request schema — so the request gets past validation into the service — but
 * carry hostile content wherever the schema lets them: any text allowed, extreme numbers within the
 * bounds, ids that exist (from `ids`) or not.
 */
export function valuesOf(schema: JsonSchema, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => valuesOf(option, ids, depth)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => valuesOf({ ...schema, type }, ids, depth)));
  switch (schema.type) {
    case 'string':
      return text(schema, ids);
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 - 1 }), fc.constantFrom(...[schema.minimum, schema.maximum].filter((bound): bound is number => bound !== undefined)));
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e15, max: schema.maximum ?? 1e15, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valuesOf(schema.items ?? {}, ids, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const properties = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, valuesOf(property, ids, depth + 1)]));
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function text(schema: JsonSchema, ids: string[]): fc.Arbitrary<string> {
  const fits = (value: string) => value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (schema.format === 'uuid') return ids.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
  if (schema.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'email') return fc.emailAddress().filter(fits);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 20 })).map((value) => value.slice(0, schema.maxLength ?? value.length)).filter(fits);
}
