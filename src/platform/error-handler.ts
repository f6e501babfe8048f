import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, TooManyAttempts } from './errors.ts';
import { renderErrorPage } from './error-page.tsx';
import { say } from './i18n/say.ts';
import { validationMessage } from './i18n/validation-messages.ts';
import { readableSize } from './views/upload-too-large.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  [extra: string]: unknown;
}

/** Turns Fastify's schema-validation errors into field/message pairs: `body.iso3: must match pattern`. */
function validationFields(error: FastifyError): { field: string; message: string }[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const extraField = (params.additionalProperty ?? params.missingProperty) as string | undefined;
    const field = [context, path, extraField].filter(Boolean).join('.');
    const message =
      params.additionalProperty !== undefined ? validationMessage('additionalProperties', {}, 'is not a known field') : validationMessage(issue.keyword, params, issue.message ?? 'is not valid');
    return { field, message };
  });
}

/** @fastify/busboy reports a broken multipart body as a plain Error: the client's fault, not ours. */
const MALFORMED_MULTIPART = /^(Unexpected end of multipart data|Multipart: Boundary not found|\w+ terminated early due to unexpected end of multipart data)$/;

/**
 * PostgreSQL's unique_violation (23505), wherever it sits in the chain of causes (Drizzle wraps the
 * driver's error). Two requests that make the same record at the same moment both pass the service's
 * "does it exist?" check; the constraint stops the second, and that is a conflict, not a failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function toProblem(error: FastifyError, request: FastifyRequest, bodyLimitBytes: number): Problem {
  const base = { type: 'about:blank', instance: request.url, requestId: request.id };
  if (error instanceof HttpProblem) {
    return { ...base, title: error.title, status: error.status, detail: error.message, ...error.extra };
  }
  if (isUniqueViolation(error)) {
    return { ...base, title: 'Conflict', status: 409, detail: say('problem.alreadyExists') };
  }
  if (error.validation) {
    const errors = validationFields(error);
    return {
      ...base,
      title: 'Bad Request',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    };
  }
  if (error.statusCode === undefined && MALFORMED_MULTIPART.test(error.message)) {
    return { ...base, title: 'Bad Request', status: 400, detail: say('problem.multipartMalformed') };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    const limit = readableSize(bodyLimitBytes);
    return { ...base, title: 'Content Too Large', status, detail: say('problem.bodyTooLarge', { limit }) };
  }
  if (status >= 400 && status < 500) {
    return { ...base, title: 'Bad Request', status, detail: error.message };
  }
  // ARCHITECTURE rule 2: a 5xx says nothing about the inside, only the id to find it in the log.
  return { ...base, title: 'Internal Server Error', status: 500, detail: say('problem.internal', { id: request.id }) };
}

/** Both answers below, on one instance (a test app without the platform's context). */
export function installErrorHandler(app: FastifyInstance, bodyLimitBytes: number): void {
  answerErrors(app, bodyLimitBytes);
  answerNotFound(app);
}

/** Every error as a problem: a page for browsers once the request knows its reader, JSON otherwise. Set at the root, inherited by every context. */
export function answerErrors(app: FastifyInstance, bodyLimitBytes: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, request, bodyLimitBytes);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof TooManyAttempts) reply.header('retry-after', String(error.retryAfterSeconds));
    reply.status(problem.status);
    if (request.isApi || !request.t) return reply.type('application/problem+json').send(problem);
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(request, problem));
  });
}

/**
 * Unknown addresses. Set from the platform's context (src/app.ts), so an unknown address runs that
 * context's hooks and its page is rendered for its reader, in their language, like any other page.
 */
export function answerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const problem: Problem = {
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: say('problem.nothingHere'),
      instance: request.url,
      requestId: request.id,
    };
    reply.status(404);
    if (request.isApi || !request.t) return reply.type('application/problem+json').send(problem);
    return reply.type('text/html; charset=utf-8').send(renderErrorPage(request, problem));
  });
}
