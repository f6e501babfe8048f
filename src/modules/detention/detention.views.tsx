import { intlLocale } from '../../platform/i18n/request-language.ts';
import { SourceText } from '../../platform/views/source-text.tsx';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { ClassificationBadge, } from '../partners/partners.views.tsx';
import { countryNameIn } from '../../platform/i18n/country-names.ts';
import { render } from 'preact-render-to-string';
import { type MapPoint, WorldMap } from '../../platform/views/world-map.tsx';
import type { RepatriationRow, } from './detention.repo.ts';
import type { NationalitiesQuery, NATIONALITY_SORTS, } from './detention.schema.ts';
import type { MapSite, NationalityRow } from './nationalities.service.ts';
import type { SiteWithLatest, } from './sites.service.ts';
import { numberFormat, partialDateIn } from '../../platform/i18n/formatters.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated, } from '../../platform/views/translated-name.tsx';

/** "France", "Unknown", "Third countries": a nationality key in the reader's language. */
export function nationalityName(key: string, ctx: PageContext): string {
  if (key === 'unknown') return ctx.t('detention.nationality.unknown');
  if (key === 'third-countries') return ctx.t('detention.nationality.thirdCountries');
  return countryNameIn(ctx.locale, key);
}

/** A head count in the reader's digits, or a dash where the source gives none. */
export const headCount = (value: number | null | undefined, locale: string) => (value === null || value === undefined ? '—' : numberFormat(intlLocale(locale)).format(value));

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
          { header: t('detention.latestPopulation'), cell: (site) => (site.latest ? `${headCount(site.latest.total, locale)} (${partialDateIn(intlLocale(locale), site.latest.asOf)})` : '—') },
          { header: t('partners.classification'), cell: (site) => <ClassificationBadge ctx={ctx} value={site.classification} /> },
        ]}
      />
      <Pagination ctx={ctx} basePath="/detention" query={{}} page={props.found.page} pageSize={props.found.pageSize} total={props.found.total} />
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
                  <td>{headCount(row.held, locale)}</td>
                  <td dir="ltr">{row.heldAsOf ?? '—'}</td>
                  <td>{row.held !== null && row.previousHeld !== null ? numberFormat(intlLocale(locale), { signDisplay: 'exceptZero' }).format(row.held - row.previousHeld) : '—'}</td>
                  {years.map((year) => (
                    <td>{headCount(row.repatriatedByYear[year], locale)}</td>
                  ))}
                  <td>{headCount(row.repatriatedTotal, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

const FIGURE_OPEN = '<figure class="chart">';
const FIGURE_CLOSE = '</figure>';
/** The inside of the figures last drawn, by everything that goes into them; a handful is enough. */
const drawnMaps = new Map<string, string>();
const DRAWN_MAPS_KEPT = 16;

/**
 * The world map as WorldMap draws it, drawn once for the same figures, language and words rather than on
 * every request: its ~180 country outlines (125 KB) are most of the page's rendering. The key is the
 * map's whole input, so a changed figure draws a new map and nothing needs invalidating. Should the
 * component's outer element ever change, the map is simply drawn every time.
 */
function KeptWorldMap(props: Parameters<typeof WorldMap>[0]) {
  const key = JSON.stringify([props.locale, props.title, [...props.shadeBy], props.steps, props.points, props.legend]);
  let inside = drawnMaps.get(key);
  if (inside === undefined) {
    const drawn = render(<WorldMap {...props} />);
    if (!drawn.startsWith(FIGURE_OPEN) || !drawn.endsWith(FIGURE_CLOSE)) return <WorldMap {...props} />;
    inside = drawn.slice(FIGURE_OPEN.length, -FIGURE_CLOSE.length);
    if (drawnMaps.size >= DRAWN_MAPS_KEPT) drawnMaps.delete(drawnMaps.keys().next().value as string);
    drawnMaps.set(key, inside);
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is Preact's own escaped rendering of WorldMap above (ASVS V5.3.3)
  return <figure class="chart" dangerouslySetInnerHTML={{ __html: inside }} />;
}

export function MapPage(props: { ctx: PageContext; sites: MapSite[]; repatriated: NationalityRow[] }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const mapSites = props.sites
    .filter((site) => site.latitude !== null && site.longitude !== null)
    .map((site) => ({ name: site.name, nameFr: site.nameFr, nameAr: site.nameAr, population: site.latest?.total ?? null, latitude: Number(site.latitude), longitude: Number(site.longitude), label: `${translated(site, locale, 'name')}: ${headCount(site.latest?.total, locale)} (${site.latest ? partialDateIn(intlLocale(locale), site.latest.asOf) : '—'})` }));
  const points: MapPoint[] = mapSites.map((site) => ({ latitude: site.latitude, longitude: site.longitude, size: site.population ?? 0, label: site.label }));
  const states = props.repatriated.filter((row) => row.repatriatedTotal > 0 && /^[A-Z]{3}$/.test(row.key));
  return (
    <Layout ctx={ctx} title={t('detention.map')}>
      <p>
        <a href="/detention">{t('detention.title')}</a>
      </p>
      <h1>{t('detention.map')}</h1>
      <AggregateOnlyNotice ctx={ctx} />
      <KeptWorldMap locale={ctx.locale} title={t('detention.map')} points={points} shadeBy={new Map(states.map((row) => [row.key, row.repatriatedTotal]))} steps={[1, 10, 100, 500]} legend={{ shade: t('detention.mapRepatriatedLegend'), point: t('detention.mapSiteLegend') }} />
      <div class="chart-pair">
        <DataTable
          rows={mapSites}
          caption={t('detention.sites')}
          empty={t('detention.noSites')}
          columns={[
            { header: t('detention.site'), cell: (site) => <Translated ctx={ctx} record={site} field="name" /> },
            { header: t('detention.latestPopulation'), cell: (site) => headCount(site.population, locale) },
          ]}
        />
        <DataTable
          rows={states}
          caption={t('detention.repatriatedTotal')}
          empty={t('detention.noFigures')}
          columns={[
            { header: t('detention.nationality'), cell: (row) => nationalityName(row.key, ctx) },
            { header: t('detention.repatriatedTotal'), cell: (row) => headCount(row.repatriatedTotal, locale) },
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
          { header: t('detention.people'), cell: (row) => `${headCount(row.people, locale)}${row.cumulative ? ` (${t('detention.cumulative')})` : ''}` },
          { header: t('detention.category.women'), cell: (row) => headCount(row.women, locale) },
          { header: t('detention.category.children'), cell: (row) => headCount(row.children, locale) },
          { header: t('detention.category.men'), cell: (row) => headCount(row.men, locale) },
          { header: t('funding.status'), cell: (row) => t(`detention.status.${row.status}` as never) },
          { header: t('funding.source'), cell: (row) => <span class="source">{row.note ? `${row.note} — ` : ''}<SourceText ctx={ctx} source={row.source} /></span> },
        ]}
      />
    </div>
  );
}
