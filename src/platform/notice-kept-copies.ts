import type { FastifyInstance } from 'fastify';
import type { Database, Delivery } from '../db/client.ts';
import { addRouteHook, isUnsafeRequest, isUnsafeRoute } from './route-hooks.ts';

export type { Delivery };

/**
 * What the process's copies of database rows (identity-cache.ts, figure-cache.ts) share: they are kept
 * only while the database's change notices are heard, and a copy read while a change was announced is
 * not kept (the read may predate the change). Each kind of copy says what a notice drops (`changed`) and
 * how to drop everything (`clear`).
 */
export abstract class NoticeKeptCopies {
  #generation = 0;
  #listening = false;

  /** What a notice on the channel drops. */
  abstract changed(notice: string): void;

  /** Drops every copy. */
  protected abstract clear(): void;

  /** Whether copies may be kept and served now. */
  protected get keeping(): boolean {
    return this.#listening;
  }

  /** Take this before reading the database, and keep what was read only if `unchanged(it)` still holds. */
  generation(): number {
    return this.#generation;
  }

  /** Whether a copy read at `generation` may be kept: the notices are heard, and none came since. */
  unchanged(generation: number): boolean {
    return this.keeping && generation === this.#generation;
  }

  /** Marks that something changed: reads under way must not keep what they read. */
  protected changedNow(): void {
    this.#generation++;
  }

  forgetAll(): void {
    this.#generation++;
    this.clear();
  }

  /** The listener is up: from now on every change is heard, so copies may be kept. */
  listening(_delivery?: Delivery): void {
    this.forgetAll();
    this.#listening = true;
  }

  /** The listener is down: changes may go unheard, so nothing is kept or served until it is back. */
  lost(): void {
    this.#listening = false;
    this.forgetAll();
  }
}

/**
 * Hears the database's notices on `channel` for these copies while the app runs, when the database can
 * announce changes; and makes every unsafe request forget them all before its reply leaves, so the
 * process's own next request (a redirect after a change) cannot outrun the notice.
 */
export async function keepCopiesByNotices(app: FastifyInstance, copies: NoticeKeptCopies, channel: string, listen?: Database['listen']): Promise<void> {
  if (listen) {
    const stop = await listen(channel, { message: (notice) => copies.changed(notice), listening: (delivery) => copies.listening(delivery), lost: () => copies.lost() });
    app.addHook('onClose', async () => {
      copies.lost();
      await stop();
    });
  }
  addRouteHook(app, 'onSend', isUnsafeRoute, async (request) => {
    if (isUnsafeRequest(request)) copies.forgetAll();
  });
}
