import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem } from '../errors.ts';

/** A byte count as people read it: "10 MB", "512 KB". */
export function readableSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${Math.round((bytes / 1_048_576) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * A route error handler for upload forms: a file over the body limit (413) is answered with the form
 * again and the limit named beside the file field, instead of a bare error page; any other error goes
 * on to the application's handler.
 */
export function reshowFormWhenTooLarge(bodyLimitBytes: number, reshow: (request: FastifyRequest, reply: FastifyReply, errors: FieldProblem[]) => unknown) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error.statusCode !== 413) throw error;
    reply.status(413);
    return reshow(request, reply, [{ field: 'file', message: request.t('upload.tooLarge', { limit: readableSize(bodyLimitBytes) }) }]);
  };
}
