import type { FastifyReply } from 'fastify';
import { isValidElement, type VNode } from 'preact';
import { Conflict, InvalidInput, StaleVersion } from '../errors.ts';
import { sendPage } from './render.ts';

/** Why a save was refused, and the status the page answers with. */
export interface FormProblem {
  errors?: InvalidInput['fields'];
  stale?: StaleVersion;
  /** A clash with another record (a figure already given for that day): its message says which. */
  conflict?: Conflict;
  status: 400 | 409;
}

type Refusal = typeof InvalidInput | typeof StaleVersion | typeof Conflict;

/**
 * Runs a form's save; on bad input or a stale version it re-renders the form with the user's own
 * values and the problems (nothing typed is lost), otherwise redirects (post/redirect/get).
 * `rerender` gives the page to send, or sends it itself (a record page that works out its own
 * status) and returns the reply. `refuses` narrows the refusals shown on the page; any other error
 * goes to the error handler, as it would without the form.
 */
export async function saveForm(
  reply: FastifyReply,
  save: () => Promise<string>,
  rerender: (problem: FormProblem) => Promise<VNode | FastifyReply>,
  options: { refuses?: readonly Refusal[] } = {},
): Promise<FastifyReply> {
  try {
    return reply.redirect(await save(), 303);
  } catch (error) {
    const problem = problemOf(error, options.refuses ?? [InvalidInput, StaleVersion, Conflict]);
    if (!problem) throw error;
    const page = await rerender(problem);
    return isValidElement(page) ? sendPage(reply, page, problem.status) : (page as FastifyReply);
  }
}

function problemOf(error: unknown, refuses: readonly Refusal[]): FormProblem | undefined {
  if (!refuses.some((refusal) => error instanceof refusal)) return undefined;
  if (error instanceof InvalidInput) return { errors: error.fields, status: 400 };
  if (error instanceof StaleVersion) return { stale: error, status: 409 };
  if (error instanceof Conflict) return { errors: error.fields, conflict: error, status: 409 };
  return undefined;
}

/** Keep what the user typed, with the current version, so a deliberate second save can go through. */
export function withCurrentVersion<T extends Record<string, unknown>>(values: T, stale: StaleVersion | undefined): T {
  const current = stale?.current as { version?: number } | undefined;
  return current?.version === undefined ? values : { ...values, version: current.version };
}
