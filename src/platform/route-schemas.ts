import { Type } from '@fastify/type-provider-typebox';

/**
 * An HTML form's body: every field a string (or a list for multi-selects). Page handlers pass it to
 * the service, which checks it against the domain's own schema and names each bad field.
 */
export const FormBody = Type.Record(Type.String(), Type.Unknown());

/** `/…/:id` where the id is a record's UUID. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * A day of the calendar, YYYY-MM-DD, checked as a date (2023-02-29 and 0661-40-88 are refused at the
 * door, not by PostgreSQL as a server error).
 */
export const CalendarDay = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** A list page's query: which page, and the language a link may carry. */
export const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })), lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** The French and Arabic texts of a translatable field (`nameFr`, `nameAr`…): empty or absent shows the English. */
export function translationInputs<F extends string>(field: F) {
  const text = Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()]));
  return { [`${field}Fr`]: text, [`${field}Ar`]: text } as Record<`${F}Fr` | `${F}Ar`, typeof text>;
}

/** The same texts as a response carries them (null where there is no translation). */
export function translationOutputs<F extends string>(field: F) {
  const text = Type.Union([Type.String(), Type.Null()]);
  return { [`${field}Fr`]: text, [`${field}Ar`]: text } as Record<`${F}Fr` | `${F}Ar`, typeof text>;
}
