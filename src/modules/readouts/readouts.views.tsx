import { intlLocale } from '../../platform/i18n/request-language.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { TranslationRow } from './translations.service.ts';
import type { ClearanceRow, PublishedReadout, ReadoutRow, ReadoutVersionRow } from './readouts.repo.ts';
import { dateTimeFormat } from '../../platform/i18n/formatters.ts';

export type Meeting = PublishedReadout['meeting'];

/**
 * When a readout was published, as far as anyone knows: a readout cleared and published outside the
 * platform shows the day its source gives, or says the day is not known, never the day it was recorded.
 */
export function publishedText(ctx: PageContext, readout: ReadoutRow, withLabel = true): string {
  const { t, locale } = ctx;
  if (readout.clearedOutside) {
    if (!readout.publishedOutsideOn) return t('readouts.publishedOutside');
    return t('readouts.publishedOutsideOn', { date: formatDay(new Date(`${readout.publishedOutsideOn}T12:00:00Z`), locale) });
  }
  const date = formatDay(readout.publishedAt as Date, locale);
  return withLabel ? t('readouts.publishedOn', { date }) : date;
}

export function formatDay(date: Date, locale: string): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function readoutPath(readout: Pick<ReadoutRow, 'year' | 'slug'>): string {
  return `/readouts/${readout.year}/${readout.slug}`;
}

export interface DeskPermissions {
  write: boolean;
  clear: boolean;
}

/** What the desk page of one readout is given. */
export interface DeskReadoutProps {
  ctx: PageContext;
  readout: ReadoutRow;
  meeting: Meeting;
  versions: ReadoutVersionRow[];
  clearances: ClearanceRow[];
  coLeadNames: Map<string, string>;
  may: DeskPermissions;
  draft?: { title: string; bodyMarkdown: string; correctionNote?: string };
  conflict?: { number: number; title: string; bodyMarkdown: string; authorLabel: string };
  errors?: FieldProblem[];
  message?: string;
  translations?: TranslationRow[];
}
