import { type Delivery, NoticeKeptCopies } from './notice-kept-copies.ts';

/**
 * Signed-in sessions, the accounts behind them and personal API tokens, kept in this process's memory so a
 * signed-in request does not read them from the database every time (issue 20).
 *
 * Copies are dropped the moment the database says they changed: triggers on the tables announce every
 * change on the channel `identity_changes` when its transaction commits (migration
 * `identity_change_notices`), whichever process or path made it — sign-out, a disabled account, a changed
 * role or group, a revoked token, an administrator's SQL. While nobody listens (before the listener is up,
 * or after its connection dropped), nothing is kept, so a missed announcement cannot leave a stale copy.
 *
 * A notice from another process arrives a few milliseconds after its commit, so on a database other
 * processes write to (PostgreSQL) each signed-in request first reads the identity epoch, which those
 * changes bump in their own transaction (migration identity_epoch), and the copies go when it moved:
 * one tiny statement instead of the session and the account with its groups.
 */

export const IDENTITY_CHANNEL = 'identity_changes';

/** Enough for every account of a coalition secretariat many times over; the oldest copy goes first. */
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: T;
  userId: string;
}

/** One kind of copy, by key; each knows its account, so a change to the account drops every copy about it. */
class Shelf<T> {
  readonly #entries = new Map<string, Entry<T>>();

  get(key: string): T | undefined {
    return this.#entries.get(key)?.value;
  }

  set(key: string, value: T, userId: string): void {
    this.#entries.delete(key);
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, userId });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  deleteUser(userId: string): void {
    for (const [key, entry] of this.#entries) if (entry.userId === userId) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

export type ShelfName = 'sessions' | 'actors' | 'tokens';

export class IdentityCache extends NoticeKeptCopies {
  readonly #shelves = { sessions: new Shelf<unknown>(), actors: new Shelf<unknown>(), tokens: new Shelf<unknown>() };
  /** Set when other processes write to the database: copies then hold only while the epoch has not moved. */
  #confirmEachRequest = false;
  /** The epoch (identity_epoch) the kept copies were read under; undefined until first read. */
  #epoch: number | undefined;
  /** The epoch read under way, and the one that follows it for requests that arrived meanwhile. */
  #reading: Promise<void> | undefined;
  #next: Promise<void> | undefined;

  /** Whether `confirm` must run before copies are served (the database is shared with other processes). */
  get confirmsEachRequest(): boolean {
    return this.#confirmEachRequest;
  }

  /**
   * Checks the kept copies against the database's identity epoch (one indexed row), and drops them all
   * when it moved: a change made by another process is honoured on the very next request, not when its
   * notice arrives. With the epoch checked, copies may be kept even while the notice listener is down.
   */
  confirm(readEpoch: () => Promise<number>): Promise<void> {
    if (!this.#reading) {
      this.#reading = this.#readEpoch(readEpoch);
      return this.#reading;
    }
    // Requests arriving while a read is under way share the next one: the one under way may have started
    // before a change they must see, the next starts after they came. Under load, one statement per round
    // trip serves every request that arrived during the last.
    this.#next ??= this.#reading
      .catch(() => {})
      .then(() => {
        this.#next = undefined;
        this.#reading = this.#readEpoch(readEpoch);
        return this.#reading;
      });
    return this.#next;
  }

  async #readEpoch(readEpoch: () => Promise<number>): Promise<void> {
    try {
      const epoch = await readEpoch();
      if (epoch !== this.#epoch) {
        this.forgetAll();
        this.#epoch = epoch;
      }
    } finally {
      this.#reading = undefined;
    }
  }

  protected override get keeping(): boolean {
    return this.#confirmEachRequest || super.keeping;
  }

  get<T>(shelf: ShelfName, key: string): T | undefined {
    return this.keeping ? (this.#shelves[shelf].get(key) as T | undefined) : undefined;
  }

  /** Keeps a copy read at `generation`, unless something changed since (its read may predate the change). */
  keep<T>(shelf: ShelfName, key: string, value: T, userId: string, generation: number): void {
    if (this.unchanged(generation)) this.#shelves[shelf].set(key, value, userId);
  }

  /** Forgets one copy this process changed itself (before anyone announces it). */
  drop(shelf: ShelfName, key: string): void {
    this.changedNow();
    this.#shelves[shelf].delete(key);
  }

  /** Acts on an announcement from the database: `session:<id hash>`, `user:<id>`, `token:<hash>` or `all`. */
  changed(notice: string): void {
    this.changedNow();
    const colon = notice.indexOf(':');
    const kind = colon < 0 ? notice : notice.slice(0, colon);
    const key = notice.slice(colon + 1);
    if (kind === 'session') this.#shelves.sessions.delete(key);
    else if (kind === 'token') this.#shelves.tokens.delete(key);
    else if (kind === 'user') for (const shelf of Object.values(this.#shelves)) shelf.deleteUser(key);
    else this.forgetAll();
  }

  /** The listener is up; `otherProcessesWrite` (PostgreSQL): from now on each request confirms the copies by the epoch. */
  override listening(delivery?: Delivery): void {
    if (delivery?.otherProcessesWrite) this.#confirmEachRequest = true;
    super.listening(delivery);
  }

  protected clear(): void {
    for (const shelf of Object.values(this.#shelves)) shelf.clear();
  }

  /** How many copies are kept (for tests and /metrics). */
  size(): number {
    return Object.values(this.#shelves).reduce((total, shelf) => total + shelf.size, 0);
  }
}
