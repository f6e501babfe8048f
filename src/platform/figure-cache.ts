import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import type { MaybeActor } from './actor.ts';
import { keepCopiesByNotices, NoticeKeptCopies } from './notice-kept-copies.ts';

/**
 * Figures derived from many rows (the funding overview's totals, the number of readouts waiting for
 * someone, the groups with their members) kept in this process's memory, so the pages that show them on every visit do not ask the
 * database each time (issue 20).
 *
 * Copies are dropped the moment the database says their tables changed: statement-level triggers
 * announce every change on the channel `figure_changes` when its transaction commits, with the topic
 * as payload (migration `figure_change_notices`), whichever process or path made it. A process also
 * forgets everything after any unsafe request it served itself (its own next request must not outrun
 * the announcement). While nobody listens nothing is kept, so a missed announcement cannot leave a
 * stale copy.
 */
export const FIGURES_CHANNEL = 'figure_changes';

/** `groups`: the groups with their members (modules/partners/groups.service.ts); `reference`: theaters and branches. */
export type FigureTopic = 'funding' | 'readouts' | 'groups' | 'reference';

/** Copies per topic: one per kind of reader, so a few hundred at most. */
const MAX_PER_TOPIC = 2_000;

export class FigureCache extends NoticeKeptCopies {
  readonly #topics = new Map<FigureTopic, Map<string, unknown>>();

  /**
   * The figure under `key`, read by `read` when no copy is kept. A copy is kept only when nothing changed
   * while it was read (the read may predate the change).
   */
  async get<T>(topic: FigureTopic, key: string, read: () => Promise<T>): Promise<T> {
    const shelf = this.#topics.get(topic);
    if (this.keeping && shelf?.has(key)) return shelf.get(key) as T;
    const generation = this.generation();
    const value = await read();
    if (this.unchanged(generation)) {
      const kept = shelf ?? new Map<string, unknown>();
      if (kept.size >= MAX_PER_TOPIC) kept.clear();
      kept.set(key, value);
      this.#topics.set(topic, kept);
    }
    return value;
  }

  /** Acts on an announcement from the database: the topic whose tables changed. */
  changed(topic: string): void {
    this.changedNow();
    if (this.#topics.has(topic as FigureTopic)) this.#topics.delete(topic as FigureTopic);
    else this.#topics.clear();
  }

  protected clear(): void {
    this.#topics.clear();
  }

  size(): number {
    let total = 0;
    for (const shelf of this.#topics.values()) total += shelf.size;
    return total;
  }
}

/**
 * A list many pages show (groups, theaters, branches), kept in `kept` under `topic` and `key` when a
 * cache is given, read each time otherwise. The kept copy is shared by every request that reads it,
 * so it is frozen: a page that changed it would fail at once instead of changing what others see.
 */
export function keptList<T>(kept: FigureCache | undefined, topic: FigureTopic, key: string, read: () => Promise<T>): Promise<T> {
  return kept ? kept.get(topic, key, async () => deepFreeze(await read())) : read();
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * What decides which figures a reader may see (role, partner, groups): readers alike share a copy, and a
 * change of role or groups reads another.
 */
export const readerKey = (actor: MaybeActor) => (actor ? `${actor.role}|${actor.partnerId ?? ''}|${[...actor.groupIds].sort().join(',')}` : 'anonymous');

declare module 'fastify' {
  interface FastifyInstance {
    figures: FigureCache;
  }
}

/** Gives the app its figure cache (`app.figures`), listening for changes when the database can announce them. */
export async function installFigureCache(app: FastifyInstance, listen?: Database['listen']): Promise<FigureCache> {
  const figures = new FigureCache();
  app.decorate('figures', figures);
  await keepCopiesByNotices(app, figures, FIGURES_CHANNEL, listen);
  return figures;
}
