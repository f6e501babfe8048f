import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import type { MaybeActor } from './actor.ts';

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

export class FigureCache {
  readonly #topics = new Map<FigureTopic, Map<string, unknown>>();
  #generation = 0;
  #listening = false;

  /**
   * The figure under `key`, read by `read` when no copy is kept. A copy is kept only when nothing changed
   * while it was read (the read may predate the change).
   */
  async get<T>(topic: FigureTopic, key: string, read: () => Promise<T>): Promise<T> {
    const shelf = this.#topics.get(topic);
    if (this.#listening && shelf?.has(key)) return shelf.get(key) as T;
    const generation = this.#generation;
    const value = await read();
    if (this.#listening && generation === this.#generation) {
      const kept = shelf ?? new Map<string, unknown>();
      if (kept.size >= MAX_PER_TOPIC) kept.clear();
      kept.set(key, value);
      this.#topics.set(topic, kept);
    }
    return value;
  }

  /** Acts on an announcement from the database: the topic whose tables changed. */
  changed(topic: string): void {
    this.#generation++;
    if (this.#topics.has(topic as FigureTopic)) this.#topics.delete(topic as FigureTopic);
    else this.#topics.clear();
  }

  forgetAll(): void {
    this.#generation++;
    this.#topics.clear();
  }

  listening(): void {
    this.forgetAll();
    this.#listening = true;
  }

  lost(): void {
    this.#listening = false;
    this.forgetAll();
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

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Gives the app its figure cache (`app.figures`), listening for changes when the database can announce them. */
export async function installFigureCache(app: FastifyInstance, listen?: Database['listen']): Promise<FigureCache> {
  const figures = new FigureCache();
  app.decorate('figures', figures);
  if (listen) {
    const stop = await listen(FIGURES_CHANNEL, { message: (topic) => figures.changed(topic), listening: () => figures.listening(), lost: () => figures.lost() });
    app.addHook('onClose', async () => {
      figures.lost();
      await stop();
    });
  }
  // Only unsafe routes get the hook: a page or /healthz runs nothing for it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((method) => UNSAFE_METHODS.has(method))) return;
    const forget = async () => figures.forgetAll();
    route.onSend = route.onSend ? [...(Array.isArray(route.onSend) ? route.onSend : [route.onSend]), forget] : [forget];
  });
  return figures;
}
