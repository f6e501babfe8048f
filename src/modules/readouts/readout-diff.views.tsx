import { diffWords } from 'diff';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { ReadoutVersionRow } from './readouts.repo.ts';

export function DiffPage(props: { ctx: PageContext; readoutId: string; from: ReadoutVersionRow; to: ReadoutVersionRow }) {
  const { ctx, from, to } = props;
  const { t } = ctx;
  const parts = diffWords(`${from.title}\n\n${from.bodyMarkdown}`, `${to.title}\n\n${to.bodyMarkdown}`);
  return (
    <Layout ctx={ctx} title={t('desk.diffTitle', { from: from.number, to: to.number })}>
      <p>
        <a href={`/desk/readouts/${props.readoutId}`}>{t('desk.backToReadout')}</a>
      </p>
      <h1>{t('desk.diffTitle', { from: from.number, to: to.number })}</h1>
      <p class="muted">{t('desk.diffLegend')}</p>
      <pre class="diff" dir="auto">
        {parts.map((part) => (part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : <span>{part.value}</span>))}
      </pre>
    </Layout>
  );
}
