import type { FastifyRequest } from 'fastify';
import { Layout } from './views/layout.tsx';
import { pageContext } from './views/page-context.ts';
import { renderPageFor } from './views/render.ts';

export function renderErrorPage(request: FastifyRequest, problem: { status: number; title: string; detail: string; requestId: string }): string {
  const ctx = pageContext(request);
  return renderPageFor(
    request,
    <Layout ctx={ctx} title={problem.title}>
      <h1>
        {problem.status} · {problem.title}
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
