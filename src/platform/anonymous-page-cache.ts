import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A few seconds' memory of public pages as anonymous visitors see them (one copy per address and
 * language). Every anonymous visitor gets the same bytes, so a busy public page costs one render and
 * one database read per interval instead of one per request. Signed-in users, whose pages differ and
 * may hold non-public data, never read from or write to it.
 */
export class AnonymousPageCache {
  private readonly entries = new Map<string, { html: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  private key(request: FastifyRequest): string | null {
    if (request.actor || request.session || request.method !== 'GET') return null;
    return `${request.locale} ${request.url}`;
  }

  /** Sends the cached page and returns true, or returns false when there is none to send. */
  serve(request: FastifyRequest, reply: FastifyReply): boolean {
    const key = this.key(request);
    const entry = key ? this.entries.get(key) : undefined;
    if (!entry || entry.expiresAt < Date.now()) return false;
    reply.type('text/html; charset=utf-8').send(entry.html);
    return true;
  }

  remember(request: FastifyRequest, html: string): void {
    const key = this.key(request);
    if (!key) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { html, expiresAt: Date.now() + this.ttlMs });
  }
}
