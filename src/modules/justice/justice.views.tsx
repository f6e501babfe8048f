import { numberFormat } from '../../platform/i18n/formatters.ts';
import { SourceText } from '../../platform/views/source-text.tsx';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { intlLocale } from '../../platform/i18n/request-language.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { ClassificationBadge } from '../partners/partners.views.tsx';
import { partialDateText } from './justice-periods.ts';
import { jurisdictionName } from './justice-states.ts';
import { isYazidiGenocide } from './justice-overview.ts';
import type { JusticeFigure } from './justice.repo.ts';
import { JUSTICE_KINDS, type JusticeListQuery, LEGAL_BASES } from './justice.schema.ts';

/** One number format per Intl locale tag, looked up without building the shared cache's key for every count a page shows. */
const countFormats = new Map<string, Intl.NumberFormat>();
function countFormat(locale: Locale): Intl.NumberFormat {
  const tag = intlLocale(locale);
  let format = countFormats.get(tag);
  if (!format) {
    format = numberFormat(tag);
    countFormats.set(tag, format);
  }
  return format;
}

export const countText = (value: number | null | undefined, locale: Locale) => (value === null || value === undefined ? '—' : countFormat(locale).format(value));

export const kindLabel = (ctx: PageContext, kind: string) => ctx.t(`justice.kind.${kind}` as never);
export const basisLabel = (ctx: PageContext, basis: string | null) => (basis ? ctx.t(`justice.basis.${basis}` as never) : '—');
export const placeName = (ctx: PageContext, row: Pick<JusticeFigure, 'stateIso3' | 'mechanism'>) => jurisdictionName(row, ctx.locale);

/** A period at the precision the source gives: a year stays a year; a running total says "until". */
export function periodText(ctx: PageContext, row: { periodStart: string | null; periodEnd: string }): string {
  const end = partialDateText(row.periodEnd, ctx.locale);
  if (!row.periodStart) return ctx.t('justice.periodUntil', { end });
  if (row.periodStart === row.periodEnd) return end;
  return ctx.t('justice.periodRange', { start: partialDateText(row.periodStart, ctx.locale), end });
}

/** Each source as written, its address a link (only http and https addresses become links). */
export function SourceList({ ctx, sources }: { ctx: PageContext; sources: readonly string[] }) {
  return (
    <ul class="source source-list">
      {sources.map((source) => {
        const match = /^(https?:\/\/\S+)\s*(.*)$/.exec(source);
        return <li dir="auto">{match ? <a href={match[1]}>{match[2] || match[1]}</a> : <SourceText ctx={ctx} source={source} />}</li>;
      })}
    </ul>
  );
}

/** Yazidi genocide judgments point to the theater where the crimes were committed. */
export function TheaterLink({ ctx, row }: { ctx: PageContext; row: JusticeFigure }) {
  if (!isYazidiGenocide(row)) return null;
  return (
    <p>
      <a href="/meetings?theater=iraq">{ctx.t('justice.theaterIraq')}</a> · <a href="/meetings?theater=syria">{ctx.t('justice.theaterSyria')}</a>
    </p>
  );
}

/** The figures, one per row, with their sources: what every list of the module shows. */
export function JusticeTable({ ctx, rows, caption, linkRecords, showState = true }: { ctx: PageContext; rows: readonly JusticeFigure[]; caption: string; linkRecords: boolean; showState?: boolean }) {
  const { t, locale } = ctx;
  return (
    <DataTable
      rows={rows}
      caption={caption}
      empty={t('justice.noRecords')}
      columns={[
        ...(showState ? [{ header: t('justice.state'), cell: (row: JusticeFigure) => (row.stateIso3 ? <a href={`/justice/states/${row.stateIso3}`}>{placeName(ctx, row)}</a> : placeName(ctx, row)) }] : []),
        { header: t('justice.period'), cell: (row) => (linkRecords ? <a href={`/justice/records/${row.id}`}>{periodText(ctx, row)}</a> : periodText(ctx, row)) },
        { header: t('justice.kind'), cell: (row) => kindLabel(ctx, row.kind) },
        { header: t('justice.count'), cell: (row) => countText(row.count, locale) },
        { header: t('justice.legalBasis'), cell: (row) => basisLabel(ctx, row.legalBasis) },
        {
          header: t('justice.courtAndDescription'),
          cell: (row) => (
            <>
              <strong dir="auto">{row.courtOrBody}</strong>
              <p dir="auto">{row.description}</p>
              {row.overlapsNational && <p class="notice">{t('justice.overlapsNational')}</p>}
              <TheaterLink ctx={ctx} row={row} />
            </>
          ),
        },
        { header: t('justice.sources'), cell: (row) => <SourceList ctx={ctx} sources={row.sources} /> },
        { header: t('justice.confidence'), cell: (row) => (row.confidence ? t(`justice.confidence.${row.confidence}` as never) : '—') },
        ...(linkRecords ? [{ header: t('justice.status'), cell: (row: JusticeFigure) => <>{t(`justice.status.${row.status}` as never)} <ClassificationBadge ctx={ctx} value={row.classification} /></> }] : []),
      ]}
    />
  );
}

/** Filters by kind, legal basis and period (years or months), as a GET form: the address keeps them. */
export function JusticeFilters({ ctx, action, query, withState }: { ctx: PageContext; action: string; query: JusticeListQuery; withState?: boolean }) {
  const { t } = ctx;
  return (
    <form method="get" action={action} class="filters" role="search">
      {withState && <TextField name="state" label={t('justice.state')} value={query.state} maxLength={10} hint={t('justice.stateFilterHint')} />}
      <SelectField name="kind" label={t('justice.kind')} value={query.kind} emptyLabel={t('list.all')} options={JUSTICE_KINDS.map((kind) => [kind, kindLabel(ctx, kind)])} />
      <SelectField name="legalBasis" label={t('justice.legalBasis')} value={query.legalBasis} emptyLabel={t('list.all')} options={LEGAL_BASES.map((basis) => [basis, basisLabel(ctx, basis)])} />
      <TextField name="from" label={t('justice.from')} value={query.from} maxLength={10} hint={t('form.partialDateHint')} />
      <TextField name="to" label={t('justice.to')} value={query.to} maxLength={10} hint={t('form.partialDateHint')} />
      <FormActions>
        <button type="submit">{t('list.apply')}</button>
      </FormActions>
    </form>
  );
}
