import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A few seconds' memory of public pages as anonymous visitors see them (one copy per address and
 * language). Every anonymous visitor gets the same bytes, so a busy public page costs one render and
 * its database reads once per interval instead of once per request. Signed-in users, whose pages
 * differ and may hold non-public data, never read from or write to it. A time of 0 turns it off.
 */
export class AnonymousPageCache {
  /**
   * Bodies are kept encoded: a public page can weigh over 100 KB (the front page's map), and turning
   * that string into bytes again for every visitor cost more than everything else the copy saves.
   */
  private readonly entries = new Map<string, { body: Buffer; contentType: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  private key(request: FastifyRequest): string | null {
    if (this.ttlMs <= 0 || request.actor || request.session || request.method !== 'GET') return null;
    // The path's language changes the links on the page, not only its words: it is part of the key.
    return `${request.locale} ${request.pathLocale ?? '-'} ${request.url}`;
  }

  /** Sends the remembered copy and returns true, or returns false when there is none to send. */
  serve(request: FastifyRequest, reply: FastifyReply): boolean {
    const key = this.key(request);
    const entry = key ? this.entries.get(key) : undefined;
    if (!entry || entry.expiresAt < Date.now()) return false;
    reply.type(entry.contentType).send(entry.body);
    return true;
  }

  /** Keeps the page's bytes for the next visitors, and returns them to be sent (encoded once). */
  remember(request: FastifyRequest, body: string, contentType = 'text/html; charset=utf-8'): Buffer | string {
    const key = this.key(request);
    if (!key) return body;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const bytes = Buffer.from(body);
    this.entries.set(key, { body: bytes, contentType, expiresAt: Date.now() + this.ttlMs });
    return bytes;
  }

  /**
   * Runs `render` unless a fresh copy can be sent, and remembers what it made. `render` returns the
   * body and its content type, or a reply it already sent (a redirect), which is not remembered.
   */
  async respond(request: FastifyRequest, reply: FastifyReply, render: () => Promise<{ body: string; contentType?: string } | FastifyReply>): Promise<FastifyReply> {
    if (this.serve(request, reply)) return reply;
    const result = await render();
    if ((result as unknown) === reply) return reply;
    const page = result as { body: string; contentType?: string };
    const contentType = page.contentType ?? 'text/html; charset=utf-8';
    return reply.type(contentType).send(this.remember(request, page.body, contentType));
  }
}
