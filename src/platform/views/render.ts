import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { localizeLinks } from '../i18n/path-locale.ts';

/** Renders a page component to a full HTML document; Preact escapes every interpolated value. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}

/** A page for this request: under a language's path (/fr/…) its links and forms stay under that path. */
export function renderPageFor(request: FastifyRequest, page: VNode): string {
  const html = renderDocument(page);
  return request.pathLocale ? localizeLinks(html, request.pathLocale) : html;
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPageFor(reply.request, page));
}

/** A CSV download. The byte-order mark makes spreadsheet programs read it as UTF-8 (Arabic names stay legible). */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(`\uFEFF${csv}`);
}
