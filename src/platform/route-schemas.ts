import { Type } from '@fastify/type-provider-typebox';

/**
 * An HTML form's body: every field a string (or a list for multi-selects). Page handlers pass it to
 * the service, which checks it against the domain's own schema and names each bad field.
 */
export const FormBody = Type.Record(Type.String(), Type.Unknown());

/** `/…/:id` where the id is a record's UUID. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
