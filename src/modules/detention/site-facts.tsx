import type { PageContext } from '../../platform/views/page-context.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import { ClassificationBadge } from '../partners/partners.views.tsx';
import type { SiteRow } from './detention.repo.ts';

/** What is known of the site itself: its kind, place, operator, the years it is known for, and the source. */
export function SiteFacts({ ctx, site, canEdit }: { ctx: PageContext; site: SiteRow; canEdit: boolean }) {
  const { t } = ctx;
  return (
    <>
      <p>
        <ClassificationBadge ctx={ctx} value={site.classification} />
        {canEdit && (
          <>
            {' · '}
            <a href={`/detention/sites/${site.id}/edit`}>{t('detention.editSite')}</a>
          </>
        )}
      </p>
      <dl class="facts">
        <dt>{t('detention.kind')}</dt>
        <dd>{t(`detention.kind.${site.kind}` as never)}</dd>
        <dt>{t('detention.region')}</dt>
        <dd>{site.region ? <Translated ctx={ctx} record={site} field="region" /> : '—'}</dd>
        <dt>{t('detention.operator')}</dt>
        <dd>{site.operator || '—'}</dd>
        <dt>{t('detention.known')}</dt>
        <dd dir="ltr">{[site.knownFrom, site.knownTo].filter(Boolean).join(' – ') || '—'}</dd>
        <dt>{t('funding.source')}</dt>
        <dd class="source">{site.source}</dd>
      </dl>
    </>
  );
}
