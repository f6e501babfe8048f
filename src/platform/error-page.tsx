import type { FastifyRequest } from 'fastify';
import type { MessageKey } from './i18n/i18n.ts';
import { Layout } from './views/layout.tsx';
import { pageContext } from './views/page-context.ts';
import { renderPageFor } from './views/render.ts';

/** Statuses whose title the catalogues carry; any other keeps the problem's own (English) title. */
const TITLED_STATUSES = new Set([400, 401, 403, 404, 409, 413, 429, 500]);

export function renderErrorPage(request: FastifyRequest, problem: { status: number; title: string; detail: string; requestId: string }): string {
  const ctx = pageContext(request);
  const title = TITLED_STATUSES.has(problem.status) ? ctx.t(`error.status.${problem.status}` as MessageKey) : problem.title;
  return renderPageFor(
    request,
    <Layout ctx={ctx} title={title}>
      <h1>
        {problem.status} · {title}
      </h1>
      <p>{problem.detail}</p>
      {problem.status === 401 && (
        <p>
          <a href="/sign-in">{ctx.t('nav.signIn')}</a>
        </p>
      )}
      <p class="muted">{ctx.t('error.requestId', { id: problem.requestId })}</p>
    </Layout>,
  );
}
