import type { FieldProblem } from '../../platform/errors.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import type { GroupRow } from '../partners/partners.repo.ts';
import type { SiteRow } from './detention.repo.ts';
import { AggregateOnlyNotice } from './detention.views.tsx';
import { LatestBreakdowns } from './site-breakdowns.tsx';
import { SiteFacts } from './site-facts.tsx';
import { PopulationOverTime, ReplacedFigures } from './site-population.tsx';
import type { SnapshotWithBreakdown } from './sites.service.ts';
import { SnapshotForm } from './snapshot-form.tsx';

/** A detention site: its facts, its population over time with the latest breakdowns, and (for the secretariat) a new figure. */
export function SitePage(props: { ctx: PageContext; site: SiteRow; snapshots: SnapshotWithBreakdown[]; canWrite: boolean; groups: GroupRow[]; values: Record<string, unknown>; errors?: FieldProblem[]; duplicate?: string }) {
  const { ctx, site, snapshots } = props;
  const current = snapshots.filter((snapshot) => !snapshot.replacedAt);
  return (
    <Layout ctx={ctx} title={translated(site, ctx.locale, 'name')}>
      <p>
        <a href="/detention">{ctx.t('detention.title')}</a>
      </p>
      <h1>
        <Translated ctx={ctx} record={site} field="name" />
      </h1>
      <AggregateOnlyNotice ctx={ctx} />
      <SiteFacts ctx={ctx} site={site} canEdit={props.canWrite} />
      <PopulationOverTime ctx={ctx} current={current} />
      <LatestBreakdowns ctx={ctx} current={current} />
      <ReplacedFigures ctx={ctx} replaced={snapshots.filter((snapshot) => snapshot.replacedAt)} />
      {props.canWrite && <SnapshotForm ctx={ctx} siteId={site.id} groups={props.groups} values={props.values} errors={props.errors} duplicate={props.duplicate} />}
    </Layout>
  );
}
