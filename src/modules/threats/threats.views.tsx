import { SourceText } from '../../platform/views/source-text.tsx';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import type { RowProblem } from '../../platform/csv-import.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { BarChart } from '../../platform/views/charts.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { FileField, UploadOutcome } from '../../platform/views/import-problems.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { KeysetPagination, listHref } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { type MapPoint, WorldMap } from '../../platform/views/world-map.tsx';
import { countryNameIn } from '../../platform/i18n/country-names.ts';
import type { GroupRow } from '../partners/partners.repo.ts';
import { ClassificationBadge, ClassificationFields } from '../partners/partners.views.tsx';
import type { TaskingWithProgress, UpdateRow } from '../taskings/taskings.service.ts';
import { ProgressMeter } from '../taskings/taskings.views.tsx';
import type { TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { BranchRow, IncidentRow, MapIncident } from './threats.repo.ts';
import { ATTRIBUTIONS, type IncidentQuery } from './threats.schema.ts';
import { calendarDayIn, listOf, numberFormat, partsSeparator } from '../../platform/i18n/formatters.ts';
import { meetingDay } from '../meetings/meeting-time.ts';
import { translated } from '../../platform/translated-text.ts';
import { EnglishTerm, Translated, TranslationFields } from '../../platform/views/translated-name.tsx';
import type { ComponentChild } from 'preact';
import { can } from '../../platform/authz.ts';
import { RecordFormPage } from '../../platform/views/record-form.tsx';

/** "183", "170–183", "at least 170", "—": casualties as the sources give them. */
export function casualties(ctx: PageContext, low: number | null, high: number | null): string {
  if (low === null) return '—';
  const format = (value: number) => numberFormat(intlLocale(ctx.locale)).format(value);
  if (high === null) return ctx.t('threats.atLeast', { count: format(low) });
  return high === low ? format(low) : `${format(low)}–${format(high)}`;
}

/** The place as text (titles, map labels), its parts joined the reader's way. */
export const placeOf = (ctx: PageContext, row: Pick<IncidentRow, 'place' | 'placeFr' | 'placeAr' | 'city' | 'countryIso3'>) =>
  [translated(row, ctx.locale, 'place'), row.city, countryNameIn(ctx.locale, row.countryIso3)].filter(Boolean).join(partsSeparator(ctx.locale));

/**
 * The place on a page: the city has no translation in the data (sources spell it in English), so outside
 * English it is marked lang="en", like an untranslated place name.
 */
export function Place({ ctx, row }: { ctx: PageContext; row: IncidentRow }) {
  const parts = [
    row.place ? <Translated ctx={ctx} record={row} field="place" /> : null,
    row.city ? <EnglishTerm ctx={ctx} text={row.city} /> : null,
    countryNameIn(ctx.locale, row.countryIso3),
  ].filter((part) => part !== null && part !== '');
  return <>{parts.flatMap((part, index) => (index === 0 ? [part] : [partsSeparator(ctx.locale), part]))}</>;
}

function IncidentTable({ ctx, rows, branchName }: { ctx: PageContext; rows: IncidentRow[]; branchName: (slug: string) => string }) {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <DataTable
        rows={rows}
        caption={t('threats.incidents')}
        empty={t('threats.noIncidents')}
        columns={[
          { header: t('funding.date'), cell: (row) => <a href={`/threats/incidents/${row.id}`}>{row.occurredOn}</a>, ltr: true },
          { header: t('threats.branch'), cell: (row) => <a href={`/threats/branches/${row.branchSlug}`}>{branchName(row.branchSlug)}</a> },
          { header: t('threats.place'), cell: (row) => <Place ctx={ctx} row={row} /> },
          { header: t('threats.killed'), cell: (row) => casualties(ctx, row.killedLow, row.killedHigh) },
          { header: t('threats.injured'), cell: (row) => casualties(ctx, row.injuredLow, row.injuredHigh) },
          { header: t('threats.attribution'), cell: (row) => t(`threats.attribution.${row.attribution}` as never) },
        ]}
      />
    </div>
  );
}

export function ThreatsPage(props: { ctx: PageContext; rows: IncidentRow[]; total: number; totalIsLowerBound?: boolean; older?: string; newer?: string; query: IncidentQuery; branches: BranchRow[]; theaters: TheaterRow[]; canWrite: boolean }) {
  const { ctx, query } = props;
  const { t } = ctx;
  const filters = { branch: query.branch, region: query.region, country: query.country, from: query.from, to: query.to, minKilled: query.minKilled };
  const names = new Map(props.branches.map((branch) => [branch.slug, branch.shortName]));
  return (
    <Layout ctx={ctx} title={t('threats.title')}>
      <h1>{t('threats.title')}</h1>
      <ActionLinks
        links={[
          [listHref('/threats/map', filters, {}), t('threats.map')],
          [listHref('/threats/incidents.csv', filters, {}), t('list.exportCsv')],
          props.canWrite && ['/threats/incidents/new', t('threats.newIncident')],
          props.canWrite && ['/threats/import', t('threats.import')],
        ]}
      />
      <form method="get" action="/threats" class="filters" role="search">
        <SelectField name="branch" label={t('threats.branch')} value={query.branch} emptyLabel={t('list.all')} options={props.branches.map((branch) => [branch.slug, branch.shortName])} />
        <SelectField name="region" label={t('threats.region')} value={query.region} emptyLabel={t('list.all')} options={props.theaters.map((theater) => [theater.slug, theaterName(theater, ctx.locale as Locale)])} />
        <TextField name="country" label={t('threats.country')} value={query.country} maxLength={3} hint={t('threats.countryHint')} />
        <TextField name="from" label={t('threats.from')} type="date" value={query.from} />
        <TextField name="to" label={t('threats.to')} type="date" value={query.to} />
        <TextField name="minKilled" label={t('threats.minKilled')} type="number" value={query.minKilled === undefined ? undefined : String(query.minKilled)} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <p role="status">{props.totalIsLowerBound ? t('list.moreThan', { count: props.total }) : t('list.count', { count: props.total })}</p>
      <IncidentTable ctx={ctx} rows={props.rows} branchName={(slug) => names.get(slug) ?? slug} />
      <KeysetPagination ctx={ctx} basePath="/threats" query={{ ...filters, pageSize: query.pageSize }} newer={props.newer} older={props.older} />
      <h2>{t('threats.branches')}</h2>
      <ul class="columns">
        {props.branches.map((branch) => (
          <li>
            <a href={`/threats/branches/${branch.slug}`}>
              <EnglishTerm ctx={ctx} text={branch.shortName} />
            </a>{' '}
            — <Translated ctx={ctx} record={branch} field="region" />
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function BranchPage(props: {
  ctx: PageContext;
  branch: BranchRow;
  incidents: IncidentRow[];
  incidentTotal: number;
  meetings: { id: string; title: string; titleFr: string | null; titleAr: string | null; startsAt: Date; timeZone: string; datePrecision: 'minute' | 'day' | 'month' | 'year' }[];
  activity: { year: string; incidents: number; killed: number }[];
  taskings: TaskingWithProgress[];
  taskingTotal: number;
  updates: UpdateRow[];
  groupName: (id: string) => ComponentChild;
}) {
  const { ctx, branch } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={branch.shortName}>
      <p>
        <a href="/threats">{t('threats.title')}</a>
      </p>
      <h1>
        <EnglishTerm ctx={ctx} text={branch.shortName} />{' '}
        <span class="source">
          <Translated ctx={ctx} record={branch} field="name" />
        </span>
      </h1>
      {can(ctx.actor, 'partner.write') && (
        <p>
          <a href={`/threats/branches/${branch.slug}/names`}>{t('threats.editBranchNames', { branch: branch.shortName })}</a>
        </p>
      )}
      <dl class="facts">
        <dt>{t('threats.aliases')}</dt>
        <dd>{branch.aliases.length ? <EnglishTerm ctx={ctx} text={branch.aliases.join('; ')} /> : '—'}</dd>
        <dt>{t('detention.region')}</dt>
        <dd>
          <Translated ctx={ctx} record={branch} field="region" />
        </dd>
        <dt>{t('threats.countries')}</dt>
        <dd>{listOf(intlLocale(locale), branch.countryIso3s.map((code) => countryNameIn(locale, code))) || '—'}</dd>
        <dt>{t('funding.source')}</dt>
        <dd class="source">
          <EnglishTerm ctx={ctx} text={branch.source} />
        </dd>
      </dl>
      <h2>{t('threats.activity')}</h2>
      <div class="chart-pair">
        <BarChart
          rtl={ctx.rtl}
          title={t('threats.activity')}
          series={[{ name: t('threats.killedKnown'), tone: 'tone-disbursement' }]}
          rows={props.activity.map((row) => ({ label: row.year, values: [row.killed] }))}
          formatTick={(value) => numberFormat(intlLocale(locale), { notation: 'compact' }).format(value)}
        />
        <DataTable
          rows={props.activity}
          caption={t('threats.activity')}
          empty={t('threats.noIncidents')}
          columns={[
            { header: t('funding.year'), cell: (row) => row.year, ltr: true },
            { header: t('threats.incidents'), cell: (row) => String(row.incidents) },
            { header: t('threats.killedKnown'), cell: (row) => numberFormat(intlLocale(locale)).format(row.killed) },
          ]}
        />
      </div>
      <h2>{t('threats.incidents')}</h2>
      <IncidentTable ctx={ctx} rows={props.incidents} branchName={() => branch.shortName} />
      {props.incidentTotal > props.incidents.length && (
        <p>
          <a href={listHref('/threats', {}, { branch: branch.slug })}>{t('threats.allBranchIncidents', { count: props.incidentTotal })}</a>
        </p>
      )}
      <h2>{t('threats.taskings')}</h2>
      {props.taskings.length ? (
        <ul class="taskings">
          {props.taskings.map((tasking) => (
            <li>
              <a href={`/taskings/${tasking.id}`}>
                <EnglishTerm ctx={ctx} text={tasking.title} />
              </a>{' '}
              — {props.groupName(tasking.groupId)} · {t(`taskings.status.${tasking.status}` as never)} · <ProgressMeter value={tasking.rolledProgress} />
              <ul>
                {props.updates
                  .filter((update) => update.taskingId === tasking.id)
                  .map((update) => (
                    <li>
                      <span class="source" dir="ltr">
                        {update.createdAt.toISOString().slice(0, 10)}
                      </span>{' '}
                      <span class="source">{update.authorLabel}:</span> <span dir="auto">{update.body}</span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('threats.noTaskings')}</p>
      )}
      {props.taskingTotal > props.taskings.length && (
        <p>
          <a href={listHref('/taskings', {}, { branch: branch.slug })}>{t('threats.allBranchTaskings', { count: props.taskingTotal })}</a>
        </p>
      )}
      <h2>{t('threats.relatedMeetings')}</h2>
      {props.meetings.length ? (
        <ul>
          {props.meetings.map((meeting) => (
            <li>
              <a href={`/meetings/${meeting.id}`}>
                <Translated ctx={ctx} record={meeting} field="title" />
              </a>{' '}
              <span dir="ltr">({meetingDay(meeting)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('threats.noMeetings')}</p>
      )}
    </Layout>
  );
}

export function IncidentPage({ ctx, row, branch }: { ctx: PageContext; row: IncidentRow; branch: BranchRow | undefined }) {
  const { t } = ctx;
  const title = `${branch?.shortName ?? row.branchSlug} · ${row.occurredOn} · ${placeOf(ctx, row)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/threats">{t('threats.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <ClassificationBadge ctx={ctx} value={row.classification} />
      </p>
      <dl class="facts">
        <dt>{t('funding.date')}</dt>
        <dd dir="ltr">{[row.occurredOn, row.localTime, row.timeZone].filter(Boolean).join(' ')}</dd>
        <dt>{t('threats.branch')}</dt>
        <dd>
          <a href={`/threats/branches/${row.branchSlug}`}>{branch?.shortName ?? row.branchSlug}</a> · {t(`threats.attribution.${row.attribution}` as never)}
        </dd>
        <dt>{t('threats.place')}</dt>
        <dd>
          <Place ctx={ctx} row={row} />
          {row.latitude && <span dir="ltr"> ({row.latitude}, {row.longitude})</span>}
        </dd>
        <dt>{t('threats.killed')}</dt>
        <dd>{casualties(ctx, row.killedLow, row.killedHigh)}</dd>
        <dt>{t('threats.injured')}</dt>
        <dd>{casualties(ctx, row.injuredLow, row.injuredHigh)}</dd>
        <dt>{t('threats.targets')}</dt>
        <dd>{row.targets || '—'}</dd>
        <dt>{t('threats.description')}</dt>
        <dd>{row.description || '—'}</dd>
        <dt>{t('threats.sources')}</dt>
        <dd>
          <ul>
            {row.sources.map((source) => (
              <li>
                {source.url ? <a href={source.url}>{source.title}</a> : source.title} — {source.publisher}
                {source.date && <span dir="ltr"> ({source.date})</span>}
              </li>
            ))}
            {row.provenance && (
              <li class="source">
                <SourceText ctx={ctx} source={row.provenance} />
              </li>
            )}
          </ul>
        </dd>
      </dl>
    </Layout>
  );
}

const SOURCE_ROWS = [1, 2, 3] as const;
/** A meeting dated to the year or month by its source shows only that much. */

export function IncidentFormPage(props: { ctx: PageContext; branches: BranchRow[]; theaters: TheaterRow[]; groups: GroupRow[]; values: Record<string, unknown>; errors?: FieldProblem[]; doubts?: FieldProblem[] }) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  return (
    <Layout ctx={ctx} title={t('threats.newIncident')}>
      <p>
        <a href="/threats">{t('threats.title')}</a>
      </p>
      <h1>{t('threats.newIncident')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.doubts && (
        <div class="alert" role="alert">
          <p>{t('threats.doubts')}</p>
          <ul>
            {props.doubts.map((doubt) => {
              const link = /\/threats\/incidents\/[0-9a-f-]{36}/.exec(doubt.message)?.[0];
              return <li>{link ? <a href={link}>{doubt.message}</a> : doubt.message}</li>;
            })}
          </ul>
        </div>
      )}
      <form method="post" action="/threats/incidents" class="record-form">
        <CsrfField ctx={ctx} />
        <TextField name="occurredOn" label={t('funding.date')} type="date" value={text('occurredOn')} errors={errors} required />
        <TextField name="localTime" label={t('threats.localTime')} type="time" value={text('localTime')} errors={errors} />
        <TextField name="timeZone" label={t('threats.timeZone')} value={text('timeZone')} errors={errors} hint={t('threats.timeZoneHint')} />
        <SelectField name="branchSlug" label={t('threats.branch')} value={text('branchSlug')} options={props.branches.map((branch) => [branch.slug, branch.shortName])} errors={errors} required />
        <SelectField name="attribution" label={t('threats.attribution')} value={text('attribution')} options={ATTRIBUTIONS.map((value) => [value, t(`threats.attribution.${value}` as never)])} errors={errors} required />
        <SelectField name="theaterSlug" label={t('threats.region')} value={text('theaterSlug')} emptyLabel="—" options={props.theaters.map((theater) => [theater.slug, theaterName(theater, ctx.locale as Locale)])} errors={errors} />
        <TextField name="countryIso3" label={t('threats.country')} value={text('countryIso3')} errors={errors} required maxLength={3} hint={t('threats.countryHint')} />
        <TextField name="city" label={t('threats.city')} value={text('city')} errors={errors} maxLength={200} />
        <TextField name="place" label={t('threats.placeDetail')} value={text('place')} errors={errors} maxLength={300} />
        <TranslationFields ctx={ctx} field="place" label={t('threats.placeDetail')} values={props.values} errors={errors} />
        <TextField name="latitude" label={t('detention.latitude')} value={text('latitude')} errors={errors} inputMode="decimal" />
        <TextField name="longitude" label={t('detention.longitude')} value={text('longitude')} errors={errors} inputMode="decimal" />
        <TextField name="killedLow" label={t('threats.killedLow')} value={text('killedLow')} errors={errors} type="number" />
        <TextField name="killedHigh" label={t('threats.killedHigh')} value={text('killedHigh')} errors={errors} type="number" hint={t('threats.highHint')} />
        <TextField name="injuredLow" label={t('threats.injuredLow')} value={text('injuredLow')} errors={errors} type="number" />
        <TextField name="injuredHigh" label={t('threats.injuredHigh')} value={text('injuredHigh')} errors={errors} type="number" hint={t('threats.highHint')} />
        <TextField name="targets" label={t('threats.targets')} value={text('targets')} errors={errors} maxLength={1000} />
        <TextField name="description" label={t('threats.description')} value={text('description')} errors={errors} maxLength={5000} />
        {SOURCE_ROWS.map((index) => (
          <fieldset>
            <legend>{t('threats.sourceNumber', { number: index })}</legend>
            <TextField name={`sourceTitle${index}`} label={t('threats.sourceTitle')} value={text(`sourceTitle${index}`)} errors={errors} required={index === 1} maxLength={500} />
            <TextField name={`sourcePublisher${index}`} label={t('threats.sourcePublisher')} value={text(`sourcePublisher${index}`)} errors={errors} required={index === 1} maxLength={200} />
            <TextField name={`sourceUrl${index}`} label={t('threats.sourceUrl')} value={text(`sourceUrl${index}`)} errors={errors} type="url" maxLength={2000} />
            <TextField name={`sourceDate${index}`} label={t('funding.date')} value={text(`sourceDate${index}`)} errors={errors} type="date" />
          </fieldset>
        ))}
        {props.doubts && (
          <div class="field">
            <label>
              <input type="checkbox" name="confirm" value="true" /> {t('threats.confirm')}
            </label>
          </div>
        )}
        <ClassificationFields ctx={ctx} value={text('classification') ?? 'coalition'} restrictedGroupIds={Array.isArray(values.restrictedGroupIds) ? (values.restrictedGroupIds as string[]) : []} groups={props.groups} errors={errors} />
        <FormActions>
          <button type="submit">{t('form.save')}</button> <a href="/threats">{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}

/** A point's tooltip on the map: the day and the place in the reader's language, the branch, the dead. */
const incidentLabel = (ctx: PageContext, row: MapIncident, branchName: (slug: string) => string) =>
  `${calendarDayIn(intlLocale(ctx.locale), row.occurredOn)} ${branchName(row.branchSlug)}${partsSeparator(ctx.locale)}${placeOf(ctx, row)}: ${casualties(ctx, row.killedLow, row.killedHigh)}`;

/** Incidents on the world map: countries shaded by count, a point per located incident. */
export function IncidentMap({ ctx, rows, branchName }: { ctx: PageContext; rows: IncidentRow[]; branchName: (slug: string) => string }) {
  const { t } = ctx;
  const byCountry = new Map<string, number>();
  for (const row of rows) byCountry.set(row.countryIso3, (byCountry.get(row.countryIso3) ?? 0) + 1);
  const points: MapPoint[] = rows
    .filter((row) => row.latitude !== null && row.longitude !== null)
    .map((row) => ({ latitude: Number(row.latitude), longitude: Number(row.longitude), size: row.killedLow ?? 0, label: incidentLabel(ctx, row, branchName) }));
  return <WorldMap locale={ctx.locale} title={t('threats.map')} shadeBy={byCountry} steps={[1, 5, 20, 100]} points={points} legend={{ shade: t('threats.mapShadeLegend'), point: t('threats.mapPointLegend') }} />;
}

export function ThreatMapPage(props: {
  ctx: PageContext;
  map: { byCountry: Map<string, number>; points: MapIncident[]; locatedTotal: number };
  listed: { rows: IncidentRow[]; older?: string; newer?: string };
  query: IncidentQuery;
  branchName: (slug: string) => string;
}) {
  const { ctx, map, listed, query, branchName } = props;
  const { t } = ctx;
  const points: MapPoint[] = map.points.map((row) => ({ latitude: Number(row.latitude), longitude: Number(row.longitude), size: row.killedLow ?? 0, label: incidentLabel(ctx, row, branchName) }));
  return (
    <Layout ctx={ctx} title={t('threats.map')}>
      <p>
        <a href="/threats">{t('threats.title')}</a>
      </p>
      <h1>{t('threats.map')}</h1>
      <WorldMap locale={ctx.locale} title={t('threats.map')} shadeBy={map.byCountry} steps={[1, 5, 20, 100]} points={points} legend={{ shade: t('threats.mapShadeLegend'), point: t('threats.mapPointLegend') }} />
      {map.locatedTotal > points.length && <p role="status">{t('threats.mapPointsCapped', { shown: points.length, total: map.locatedTotal })}</p>}
      <IncidentTable ctx={ctx} rows={listed.rows} branchName={branchName} />
      <KeysetPagination ctx={ctx} basePath="/threats/map" query={{ ...query, before: undefined, after: undefined, page: undefined }} newer={listed.newer} older={listed.older} />
    </Layout>
  );
}

export function ThreatImportPage({ ctx, problems, imported, message, columns }: { ctx: PageContext; problems?: RowProblem[]; imported?: number; message?: string; columns: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('threats.import')}>
      <p>
        <a href="/threats">{t('threats.title')}</a>
      </p>
      <h1>{t('threats.import')}</h1>
      <UploadOutcome ctx={ctx} done={imported === undefined ? undefined : t('detention.imported', { count: imported })} message={message} problems={problems} />
      <p>{t('threats.importHelp')}</p>
      <pre dir="ltr">{columns}</pre>
      <form method="post" action="/threats/import" enctype="multipart/form-data" class="record-form">
        <CsrfField ctx={ctx} />
        <FileField label={t('funding.csvFile')} />
        <FormActions>
          <button type="submit">{t('funding.importSubmit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}

/** The branch's French and Arabic names, kept by the secretariat; empty shows the English, marked as such. */
export function BranchNamesFormPage(props: { ctx: PageContext; branch: BranchRow; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx, branch } = props;
  const { t } = ctx;
  return (
    <RecordFormPage ctx={ctx} title={t('threats.editBranchNames', { branch: branch.shortName })} action={`/threats/branches/${branch.slug}/names`} cancelHref={`/threats/branches/${branch.slug}`} errors={props.errors}>
      <p>
        {t('threats.name')}: <bdi lang="en">{branch.name}</bdi>
      </p>
      <TranslationFields ctx={ctx} field="name" label={t('threats.name')} values={props.values} errors={props.errors} />
      <p>
        {t('detention.region')}: <bdi lang="en">{branch.region}</bdi>
      </p>
      <TranslationFields ctx={ctx} field="region" label={t('detention.region')} values={props.values} errors={props.errors} />
    </RecordFormPage>
  );
}
