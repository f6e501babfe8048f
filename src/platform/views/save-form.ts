import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { Conflict, InvalidInput, StaleVersion } from '../errors.ts';
import { sendPage } from './render.ts';

/**
 * Runs a form's save; on bad input or a stale version it re-renders the form with the user's own
 * values and the problems (nothing typed is lost), otherwise redirects (post/redirect/get).
 */
export async function saveForm(
  reply: FastifyReply,
  save: () => Promise<string>,
  rerender: (problem: { errors?: InvalidInput['fields']; stale?: StaleVersion }) => Promise<VNode>,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await save(), 303);
  } catch (error) {
    if (error instanceof InvalidInput) return sendPage(reply, await rerender({ errors: error.fields }), 400);
    if (error instanceof StaleVersion) return sendPage(reply, await rerender({ stale: error }), 409);
    if (error instanceof Conflict) return sendPage(reply, await rerender({ errors: error.fields }), 409);
    throw error;
  }
}

/** Keep what the user typed, with the current version, so a deliberate second save can go through. */
export function withCurrentVersion<T extends Record<string, unknown>>(values: T, stale: StaleVersion | undefined): T {
  const current = stale?.current as { version?: number } | undefined;
  return current?.version === undefined ? values : { ...values, version: current.version };
}
