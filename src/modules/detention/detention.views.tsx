import { intlLocale } from '../../platform/i18n/request-language.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { LineChart } from '../../platform/views/charts.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationBadge, ClassificationFields } from '../partners/partners.views.tsx';
import { countryName } from '../partners/countries.ts';
import { type MapPoint, WorldMap } from '../../platform/views/world-map.tsx';
import type { RepatriationRow, SiteRow } from './detention.repo.ts';
import { CATEGORIES, type NationalitiesQuery, type NATIONALITY_SORTS, SITE_KINDS } from './detention.schema.ts';
import type { NationalityRow } from './nationalities.service.ts';
import type { SiteWithLatest, SnapshotWithBreakdown } from './sites.service.ts';
import { numberFormat } from '../../platform/i18n/formatters.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated, TranslationFields } from '../../platform/views/translated-name.tsx';

/** "France", "Unknown", "Third countries": a nationality key in the reader's language. */
export function nationalityName(key: string, ctx: PageContext): string {
  if (key === 'unknown') return ctx.t('detention.nationality.unknown');
  if (key === 'third-countries') return ctx.t('detention.nationality.thirdCountries');
  return countryName(key, ctx.locale as Locale) ?? key;
}

const count = (value: number | null | undefined, locale: string) => (value === null || value === undefined ? '—' : numberFormat(intlLocale(locale)).format(value));

/** Said on every page of the module: the platform holds numbers, never people. */
export function AggregateOnlyNotice({ ctx }: { ctx: PageContext }) {
  return <p class="notice">{ctx.t('detention.aggregateOnly')}</p>;
}

export function DetentionHomePage(props: { ctx: PageContext; found: { rows: SiteWithLatest[]; total: number; page: number; pageSize: number }; may: { write: boolean; report: boolean } }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('detention.title')}>
      <h1>{t('detention.title')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <ActionLinks
        links={[
          ['/detention/nationalities', t('detention.nationalities')],
          ['/detention/repatriations', t('detention.repatriations')],
          ['/detention/map', t('detention.map')],
          props.may.report && ['/detention/repatriations/new', t('detention.reportRepatriation')],
          props.may.report && ['/detention/import', t('detention.import')],
          props.may.write && ['/detention/sites/new', t('detention.newSite')],
        ]}
      />
      <DataTable
        rows={props.found.rows}
        caption={t('detention.sites')}
        empty={t('detention.noSites')}
        columns={[
          { header: t('detention.site'), cell: (site) => <a href={`/detention/sites/${site.id}`}><Translated ctx={ctx} record={site} field="name" /></a> },
          { header: t('detention.kind'), cell: (site) => t(`detention.kind.${site.kind}` as never) },
          { header: t('detention.region'), cell: (site) => <Translated ctx={ctx} record={site} field="region" /> },
          { header: t('detention.latestPopulation'), cell: (site) => (site.latest ? `${count(site.latest.total, locale)} (${site.latest.asOf})` : '—') },
          { header: t('partners.classification'), cell: (site) => <ClassificationBadge ctx={ctx} value={site.classification} /> },
        ]}
      />
      <Pagination ctx={ctx} basePath="/detention" query={{}} page={props.found.page} pageSize={props.found.pageSize} total={props.found.total} />
    </Layout>
  );
}

function BreakdownTable({ ctx, snapshot, dimension }: { ctx: PageContext; snapshot: SnapshotWithBreakdown; dimension: 'nationality' | 'category' }) {
  const { t, locale } = ctx;
  const parts = snapshot.breakdown.filter((part) => part.dimension === dimension);
  if (parts.length === 0) return <p class="empty">{t('detention.noBreakdown')}</p>;
  return (
    <>
      {snapshot.partial && <p class="notice">{t('detention.partialBreakdown', { total: count(snapshot.total, locale) })}</p>}
      <DataTable
        rows={parts}
        empty=""
        caption={t(dimension === 'nationality' ? 'detention.byNationality' : 'detention.byCategory')}
        columns={[
          { header: t(dimension === 'nationality' ? 'detention.nationality' : 'detention.category'), cell: (part) => (dimension === 'nationality' ? nationalityName(part.key, ctx) : t(`detention.category.${part.key}` as never)) },
          { header: t('detention.people'), cell: (part) => count(part.count, locale) },
        ]}
      />
    </>
  );
}

export function SitePage(props: { ctx: PageContext; site: SiteRow; snapshots: SnapshotWithBreakdown[]; canWrite: boolean; groups: GroupRow[]; values?: Record<string, unknown>; errors?: FieldProblem[]; duplicate?: string }) {
  const { ctx, site, snapshots } = props;
  const { t, locale } = ctx;
  const current = snapshots.filter((snapshot) => !snapshot.replacedAt);
  const replaced = snapshots.filter((snapshot) => snapshot.replacedAt);
  const counted = current.filter((snapshot) => snapshot.total !== null);
  const latestWith = (dimension: string) => [...current].reverse().find((snapshot) => snapshot.breakdown.some((part) => part.dimension === dimension));
  const values = props.values ?? {};
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <Layout ctx={ctx} title={translated(site, ctx.locale, 'name')}>
      <p>
        <a href="/detention">{t('detention.title')}</a>
      </p>
      <h1><Translated ctx={ctx} record={site} field="name" /></h1>
      <AggregateOnlyNotice ctx={ctx} />
      <p>
        <ClassificationBadge ctx={ctx} value={site.classification} />
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
      <h2>{t('detention.populationOverTime')}</h2>
      <div class="chart-wide">
        <LineChart
          rtl={ctx.rtl}
          title={t('detention.populationOverTime')}
          series={[{ name: t('detention.population'), tone: 'tone-commitment' }]}
          points={counted.map((snapshot) => ({ label: snapshot.asOf, values: [snapshot.total ?? 0], note: `${snapshot.asOf}: ${count(snapshot.total, locale)} — ${snapshot.source}` }))}
          formatTick={(value) => numberFormat(intlLocale(locale), { notation: 'compact' }).format(value)}
        />
        <div class="table-scroll">
          <DataTable
            rows={current}
            empty={t('detention.noSnapshots')}
            caption={t('detention.populationOverTime')}
            columns={[
              { header: t('detention.asOf'), cell: (snapshot) => snapshot.asOf, ltr: true },
              { header: t('detention.population'), cell: (snapshot) => count(snapshot.total, locale) },
              { header: t('detention.note'), cell: (snapshot) => snapshot.note },
              { header: t('funding.source'), cell: (snapshot) => <span class="source">{snapshot.source}{snapshot.confidence && ` · ${t('funding.confidence')}: ${snapshot.confidence}`}</span> },
              { header: t('partners.classification'), cell: (snapshot) => <ClassificationBadge ctx={ctx} value={snapshot.classification} /> },
            ]}
          />
        </div>
      </div>
      {(['nationality', 'category'] as const).map((dimension) => {
        const snapshot = latestWith(dimension);
        return (
          <>
            <h2>{t(dimension === 'nationality' ? 'detention.latestByNationality' : 'detention.latestByCategory', { date: snapshot?.asOf ?? '—' })}</h2>
            {snapshot ? <BreakdownTable ctx={ctx} snapshot={snapshot} dimension={dimension} /> : <p class="empty">{t('detention.noBreakdown')}</p>}
          </>
        );
      })}
      {replaced.length > 0 && (
        <>
          <h2>{t('detention.replacedFigures')}</h2>
          <DataTable
            caption={t('detention.replacedFigures')}
            rows={replaced}
            empty=""
            columns={[
              { header: t('detention.asOf'), cell: (snapshot) => snapshot.asOf, ltr: true },
              { header: t('detention.population'), cell: (snapshot) => count(snapshot.total, locale) },
              { header: t('detention.replacementReason'), cell: (snapshot) => snapshot.replacementReason ?? '' },
              { header: t('funding.source'), cell: (snapshot) => <span class="source">{snapshot.source}</span> },
            ]}
          />
        </>
      )}
      {props.canWrite && (
        <form method="post" action={`/detention/sites/${site.id}/snapshots`} class="record-form" id="new-snapshot">
          <h2>{t('detention.addSnapshot')}</h2>
          <ErrorSummary ctx={ctx} errors={props.errors} />
          {props.duplicate && (
            <p class="alert" role="alert">
              {props.duplicate}
            </p>
          )}
          <CsrfField ctx={ctx} />
          <TextField name="asOf" label={t('detention.asOf')} value={text('asOf')} errors={props.errors} required hint={t('form.partialDateHint')} />
          <TextField name="total" label={t('detention.population')} value={text('total')} errors={props.errors} type="number" />
          <div class="field">
            <label for="field-nationalities">{t('detention.nationalitiesField')}</label>
            <p class="hint" id="field-nationalities-hint">{t('detention.nationalitiesHint')}</p>
            <textarea id="field-nationalities" name="nationalities" rows={4} dir="ltr" aria-describedby="field-nationalities-hint">
              {text('nationalities') ?? ''}
            </textarea>
          </div>
          <div class="field">
            <label for="field-categories">{t('detention.categoriesField')}</label>
            <p class="hint" id="field-categories-hint">{t('detention.categoriesHint', { categories: CATEGORIES.join(', ') })}</p>
            <textarea id="field-categories" name="categories" rows={3} dir="ltr" aria-describedby="field-categories-hint">
              {text('categories') ?? ''}
            </textarea>
          </div>
          <div class="field">
            <label>
              <input type="checkbox" name="partial" value="true" checked={values.partial === true || values.partial === 'true'} /> {t('detention.partial')}
            </label>
          </div>
          <TextField name="note" label={t('detention.note')} value={text('note')} errors={props.errors} maxLength={2000} />
          <TextField name="source" label={t('funding.source')} value={text('source')} errors={props.errors} required maxLength={5000} />
          <SelectField name="confidence" label={t('funding.confidence')} value={text('confidence')} emptyLabel="—" options={['high', 'medium', 'low'].map((c) => [c, c])} errors={props.errors} />
          {props.duplicate && <TextField name="replaceReason" label={t('detention.replaceReason')} value={text('replaceReason')} errors={props.errors} required maxLength={2000} />}
          <ClassificationFields ctx={ctx} value={text('classification') ?? 'restricted'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={props.groups} errors={props.errors} />
          <FormActions>
            <button type="submit">{t('form.save')}</button>
          </FormActions>
        </form>
      )}
    </Layout>
  );
}

export function SiteFormPage(props: { ctx: PageContext; values: Record<string, unknown>; groups: GroupRow[]; errors?: FieldProblem[] }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <Layout ctx={ctx} title={t('detention.newSite')}>
      <h1>{t('detention.newSite')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/detention/sites" class="record-form">
        <CsrfField ctx={ctx} />
        <TextField name="name" label={t('detention.site')} value={text('name')} errors={errors} required maxLength={200} />
        <TranslationFields ctx={ctx} field="name" label={t('detention.site')} values={props.values} errors={errors} />
        <SelectField name="kind" label={t('detention.kind')} value={text('kind')} options={SITE_KINDS.map((kind) => [kind, t(`detention.kind.${kind}` as never)])} errors={errors} required />
        <TextField name="region" label={t('detention.region')} value={text('region')} errors={errors} maxLength={200} />
        <TranslationFields ctx={ctx} field="region" label={t('detention.region')} values={props.values} errors={errors} />
        <TextField name="countryIso3" label={t('partners.iso3')} value={text('countryIso3')} errors={errors} maxLength={3} />
        <TextField name="latitude" label={t('detention.latitude')} value={text('latitude')} errors={errors} inputMode="decimal" />
        <TextField name="longitude" label={t('detention.longitude')} value={text('longitude')} errors={errors} inputMode="decimal" />
        <TextField name="operator" label={t('detention.operator')} value={text('operator')} errors={errors} maxLength={300} />
        <TextField name="knownFrom" label={t('detention.knownFrom')} value={text('knownFrom')} errors={errors} hint={t('form.partialDateHint')} />
        <TextField name="knownTo" label={t('detention.knownTo')} value={text('knownTo')} errors={errors} hint={t('form.partialDateHint')} />
        <TextField name="source" label={t('funding.source')} value={text('source')} errors={errors} required maxLength={5000} />
        <ClassificationFields ctx={ctx} value={text('classification') ?? 'restricted'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={props.groups} errors={errors} />
        <FormActions>
          <button type="submit">{t('form.save')}</button> <a href="/detention">{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}

export function sortNationalities(rows: NationalityRow[], query: NationalitiesQuery, name: (key: string) => string, locale: string): NationalityRow[] {
  const sort = query.sort ?? 'held';
  const dir = query.dir ?? (sort === 'state' ? 'asc' : 'desc');
  const value = (row: NationalityRow): number => (sort === 'held' ? (row.held ?? -1) : sort === 'repatriated' ? row.repatriatedTotal : (row.held ?? 0) - (row.previousHeld ?? row.held ?? 0));
  return [...rows].sort((a, b) => {
    const order = sort === 'state' ? name(a.key).localeCompare(name(b.key), locale) : value(a) - value(b);
    return (dir === 'asc' ? order : -order) || name(a.key).localeCompare(name(b.key), locale);
  });
}

export function NationalitiesPage(props: { ctx: PageContext; rows: NationalityRow[]; years: string[]; query: NationalitiesQuery }) {
  const { ctx, rows, years, query } = props;
  const { t, locale } = ctx;
  const header = (column: (typeof NATIONALITY_SORTS)[number], label: string) => {
    const active = (query.sort ?? 'held') === column;
    const dir = query.dir ?? (column === 'state' ? 'asc' : 'desc');
    return (
      <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={listHref('/detention/nationalities', {}, { sort: column, dir: active && dir === 'desc' ? 'asc' : 'desc' })}>
          {label}
          {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </a>
      </th>
    );
  };
  return (
    <Layout ctx={ctx} title={t('detention.nationalities')}>
      <p>
        <a href="/detention">{t('detention.title')}</a>
      </p>
      <h1>{t('detention.nationalities')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <p>{t('detention.nationalitiesExplained')}</p>
      <p class="actions">
        <a href="/detention/nationalities?format=csv" download>
          {t('funding.downloadCsv')}
        </a>{' '}
        <a href="/detention/nationalities?format=xlsx" download>
          {t('funding.downloadXlsx')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t('detention.noFigures')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table" id="nationalities">
            <caption class="visually-hidden">{t('detention.nationalities')}</caption>
            <thead>
              <tr>
                {header('state', t('detention.nationality'))}
                {header('held', t('detention.held'))}
                <th scope="col">{t('detention.heldAsOf')}</th>
                {header('change', t('detention.change'))}
                {years.map((year) => (
                  <th scope="col">{t('detention.repatriatedIn', { year })}</th>
                ))}
                {header('repatriated', t('detention.repatriatedTotal'))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">{nationalityName(row.key, ctx)}</th>
                  <td>{count(row.held, locale)}</td>
                  <td dir="ltr">{row.heldAsOf ?? '—'}</td>
                  <td>{row.held !== null && row.previousHeld !== null ? numberFormat(intlLocale(locale), { signDisplay: 'exceptZero' }).format(row.held - row.previousHeld) : '—'}</td>
                  {years.map((year) => (
                    <td>{count(row.repatriatedByYear[year], locale)}</td>
                  ))}
                  <td>{count(row.repatriatedTotal, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function MapPage(props: { ctx: PageContext; sites: SiteWithLatest[]; repatriated: NationalityRow[] }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const mapSites = props.sites
    .filter((site) => site.latitude !== null && site.longitude !== null)
    .map((site) => ({ name: site.name, nameFr: site.nameFr, nameAr: site.nameAr, population: site.latest?.total ?? null, latitude: Number(site.latitude), longitude: Number(site.longitude), label: `${translated(site, locale, 'name')}: ${count(site.latest?.total, locale)} (${site.latest?.asOf ?? '—'})` }));
  const points: MapPoint[] = mapSites.map((site) => ({ latitude: site.latitude, longitude: site.longitude, size: site.population ?? 0, label: site.label }));
  const states = props.repatriated.filter((row) => row.repatriatedTotal > 0 && /^[A-Z]{3}$/.test(row.key));
  return (
    <Layout ctx={ctx} title={t('detention.map')}>
      <p>
        <a href="/detention">{t('detention.title')}</a>
      </p>
      <h1>{t('detention.map')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <WorldMap title={t('detention.map')} points={points} shadeBy={new Map(states.map((row) => [row.key, row.repatriatedTotal]))} steps={[1, 10, 100, 500]} legend={{ shade: t('detention.mapRepatriatedLegend'), point: t('detention.mapSiteLegend') }} />
      <div class="chart-pair">
        <DataTable
          rows={mapSites}
          caption={t('detention.sites')}
          empty={t('detention.noSites')}
          columns={[
            { header: t('detention.site'), cell: (site) => <Translated ctx={ctx} record={site} field="name" /> },
            { header: t('detention.latestPopulation'), cell: (site) => count(site.population, locale) },
          ]}
        />
        <DataTable
          rows={states}
          caption={t('detention.repatriatedTotal')}
          empty={t('detention.noFigures')}
          columns={[
            { header: t('detention.nationality'), cell: (row) => nationalityName(row.key, ctx) },
            { header: t('detention.repatriatedTotal'), cell: (row) => count(row.repatriatedTotal, locale) },
          ]}
        />
      </div>
    </Layout>
  );
}

export function RepatriationTable({ ctx, rows }: { ctx: PageContext; rows: RepatriationRow[] }) {
  const { t, locale } = ctx;
  return (
    <div class="table-scroll">
      <DataTable
        rows={rows}
        caption={t('detention.repatriations')}
        empty={t('detention.noFigures')}
        columns={[
          { header: t('detention.period'), cell: (row) => <a href={`/detention/repatriations/${row.id}`}>{row.period}</a>, ltr: true },
          { header: t('detention.receivingState'), cell: (row) => (row.receivingIso3 ? nationalityName(row.receivingIso3, ctx) : t('detention.severalStates')) },
          { header: t('detention.people'), cell: (row) => `${count(row.people, locale)}${row.cumulative ? ` (${t('detention.cumulative')})` : ''}` },
          { header: t('detention.category.women'), cell: (row) => count(row.women, locale) },
          { header: t('detention.category.children'), cell: (row) => count(row.children, locale) },
          { header: t('detention.category.men'), cell: (row) => count(row.men, locale) },
          { header: t('funding.status'), cell: (row) => t(`detention.status.${row.status}` as never) },
          { header: t('funding.source'), cell: (row) => <span class="source">{row.note ? `${row.note} — ` : ''}{row.source}</span> },
        ]}
      />
    </div>
  );
}
