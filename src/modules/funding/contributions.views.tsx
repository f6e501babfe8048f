import type { RowProblem } from '../../platform/csv-import.ts';
import { SourceText } from '../../platform/views/source-text.tsx';
import { FileField, UploadOutcome } from '../../platform/views/import-problems.tsx';
import type { FieldProblem } from '../../platform/errors.ts';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { KeysetPagination } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { ReviewControls } from '../../platform/views/review-forms.tsx';
import type { TheaterRow } from '../meetings/meetings.repo.ts';
import { theaterName } from '../meetings/meetings.views.tsx';
import type { CampaignRow, ContributionRow } from './funding.repo.ts';
import { STAGES } from './funding.schema.ts';
import { IllustrativeMark, MoneyText } from './funding.views.tsx';
import { translated } from '../../platform/translated-text.ts';
import { Translated } from '../../platform/views/translated-name.tsx';
import type { ComponentChild, ComponentChildren } from 'preact';

export type PartnerNames = (id: string) => string;

export function ContributionTable(props: { ctx: PageContext; rows: ContributionRow[]; campaign?: CampaignRow; partnerName: PartnerNames; older?: string; newer?: string; basePath: string; query: Record<string, unknown> }) {
  const { ctx, rows } = props;
  const { t } = ctx;
  return (
    <>
      <div class="table-scroll">
      <DataTable
        rows={rows}
        empty={t('funding.noContributions')}
        caption={t('funding.contributions')}
        columns={[
          { header: t('funding.date'), cell: (row) => <a href={`/funding/contributions/${row.id}`}>{row.contributedOn}</a>, ltr: true },
          { header: t('funding.partner'), cell: (row) => props.partnerName(row.partnerId) },
          { header: t('funding.stageLabel'), cell: (row) => t(`funding.stage.${row.stage}` as never) },
          { header: t('funding.amountOriginal'), cell: (row) => <MoneyText ctx={ctx} amount={row.amount} currency={row.currency} /> },
          ...(props.campaign ? [{ header: t('funding.amountConverted', { currency: props.campaign.currency }), cell: (row: ContributionRow) => <MoneyText ctx={ctx} amount={row.amountInCampaignCurrency} currency={props.campaign?.currency ?? row.currency} /> }] : []),
          { header: t('funding.status'), cell: (row) => (<>{t(`funding.status.${row.status}` as never)} {row.illustrative && <IllustrativeMark ctx={ctx} />}</>) },
          { header: t('funding.source'), cell: (row) => <span class="source"><SourceText ctx={ctx} source={row.source} /></span> },
        ]}
      />
      </div>
      <KeysetPagination ctx={ctx} basePath={props.basePath} query={props.query} newer={props.newer} older={props.older} />
    </>
  );
}

export interface ContributionFormChoices {
  campaign: CampaignRow;
  partners: { id: string; name: string }[];
  theaters: TheaterRow[];
  /** What a commitment or disbursement of the chosen partner may fulfil. */
  fulfillable: ContributionRow[];
  /** The secretariat may mark figures illustrative and report for any partner. */
  secretariat: boolean;
}

/** The fields of a contribution, shared by the report form and the correction form. */
function ContributionFields({ ctx, choices, values, errors }: { ctx: PageContext; choices: ContributionFormChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { t, locale } = ctx;
  const text = (name: string) => (values[name] === undefined || values[name] === null ? undefined : String(values[name]));
  const chosen = new Set(Array.isArray(values.fulfils) ? (values.fulfils as string[]) : values.fulfils ? [String(values.fulfils)] : []);
  const { campaign } = choices;
  return (
    <>
      <SelectField name="partnerId" label={t('funding.partner')} value={text('partnerId')} options={choices.partners.map((p) => [p.id, p.name])} errors={errors} required />
      <SelectField name="stage" label={t('funding.stageLabel')} value={text('stage') ?? 'pledge'} options={STAGES.map((stage) => [stage, t(`funding.stage.${stage}.explained` as never)])} errors={errors} required />
      <TextField name="amount" label={t('funding.amountOriginal')} value={text('amount')} errors={errors} required inputMode="decimal" hint={t('funding.amountHint')} />
      <TextField name="currency" label={t('funding.currency')} value={text('currency') ?? campaign.currency} errors={errors} required maxLength={3} hint={t('funding.currencyHint')} />
      <TextField name="contributedOn" label={t('funding.date')} type="date" value={text('contributedOn')} errors={errors} required />
      {campaign.channels.length > 0 && <SelectField name="channel" label={t('funding.channel')} value={text('channel')} emptyLabel={t('funding.unspecified')} options={campaign.channels.map((channel) => [channel, channel])} errors={errors} />}
      {campaign.theaterSlugs.length > 0 && (
        <SelectField
          name="theaterSlug"
          label={t('funding.theater')}
          value={text('theaterSlug')}
          emptyLabel={t('funding.unspecified')}
          options={choices.theaters.filter((theater) => campaign.theaterSlugs.includes(theater.slug)).map((theater) => [theater.slug, theaterName(theater, locale)])}
          errors={errors}
        />
      )}
      <TextField name="source" label={t('funding.source')} value={text('source')} errors={errors} required maxLength={5000} hint={t('funding.sourceHint')} />
      {choices.fulfillable.length > 0 && (
        <fieldset>
          <legend>{t('funding.fulfils')}</legend>
          <p class="hint">{t('funding.fulfilsHint')}</p>
          {choices.fulfillable.map((row) => (
            <label class="checkbox">
              <input type="checkbox" name="fulfils" value={row.id} checked={chosen.has(row.id)} /> {t(`funding.stage.${row.stage}` as never)} · {choices.partners.find((p) => p.id === row.partnerId)?.name} · {row.contributedOn} ·{' '}
              <MoneyText ctx={ctx} amount={row.amount} currency={row.currency} />
            </label>
          ))}
        </fieldset>
      )}
      {choices.secretariat && (
        <div class="field">
          <label>
            <input type="checkbox" name="illustrative" value="true" checked={values.illustrative === true || values.illustrative === 'true'} /> {t('funding.markIllustrative')}
          </label>
        </div>
      )}
    </>
  );
}

export function ContributionFormPage(props: { ctx: PageContext; choices: ContributionFormChoices; values: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx, choices } = props;
  const { t } = ctx;
  const title = t('funding.reportFor', { campaign: translated(choices.campaign, ctx.locale, 'name') });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/funding/campaigns/${choices.campaign.id}`}><Translated ctx={ctx} record={choices.campaign} field="name" /></a>
      </p>
      <h1>{title}</h1>
      <p>{t(choices.secretariat ? 'funding.reportSecretariatNote' : 'funding.reportDelegateNote')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={`/funding/campaigns/${choices.campaign.id}/contributions`} class="record-form">
        <CsrfField ctx={ctx} />
        <ContributionFields ctx={ctx} choices={choices} values={props.values} errors={props.errors} />
        <FormActions>
          <button type="submit">{t('funding.reportSubmit')}</button> <a href={`/funding/campaigns/${choices.campaign.id}`}>{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}

export interface ContributionDetail {
  contribution: ContributionRow;
  campaign: CampaignRow;
  /** The theater's name in the reader's language. */
  theaterName: string | null;
  fulfils: { fulfilledId: string; amount: string }[];
  fulfilledBy: { fulfillingId: string; amount: string }[];
}

/** The contributions on the other side of this one's fulfilment links, with the amount each link carries. */
function FulfilmentLinks({ ctx, label, currency, links }: { ctx: PageContext; label: string; currency: string; links: { id: string; amount: string }[] }) {
  if (links.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul>
          {links.map((link) => (
            <li>
              <a href={`/funding/contributions/${link.id}`}>{link.id.slice(0, 8)}</a> · <MoneyText ctx={ctx} amount={link.amount} currency={currency} />
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

export function ContributionPage(props: { ctx: PageContext; detail: ContributionDetail; partnerName: PartnerNames; may: { verify: boolean; correct: boolean }; choices?: ContributionFormChoices; values?: Record<string, unknown>; errors?: FieldProblem[]; stale?: boolean }) {
  const { ctx, detail, may } = props;
  const { t } = ctx;
  const { contribution: row, campaign } = detail;
  const title = `${t(`funding.stage.${row.stage}` as never)} · ${props.partnerName(row.partnerId)} · ${row.contributedOn}`;
  const action = `/funding/contributions/${row.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/funding/campaigns/${campaign.id}`}><Translated ctx={ctx} record={campaign} field="name" /></a>
      </p>
      <h1>{title}</h1>
      {props.stale && (
        <div class="alert" role="alert">
          <p>{t('form.staleVersion')}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {row.illustrative && (
        <p>
          <IllustrativeMark ctx={ctx} /> {t('funding.illustrativeHint')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('funding.status')}</dt>
        <dd>
          {t(`funding.status.${row.status}` as never)}
          {row.reviewNote && ` — ${row.reviewNote}`}
        </dd>
        <dt>{t('funding.amountOriginal')}</dt>
        <dd>
          <MoneyText ctx={ctx} amount={row.amount} currency={row.currency} />
        </dd>
        <dt>{t('funding.rate')}</dt>
        <dd dir="ltr">
          1 {row.currency} = {row.rateToCampaign.replace(/\.?0+$/, '')} {campaign.currency} ({t('funding.rateOf', { date: row.rateDate })})
        </dd>
        <dt>{t('funding.amountConverted', { currency: campaign.currency })}</dt>
        <dd>
          <MoneyText ctx={ctx} amount={row.amountInCampaignCurrency} currency={campaign.currency} />
        </dd>
        <dt>{t('funding.channel')}</dt>
        <dd>{row.channel ?? '—'}</dd>
        <dt>{t('funding.theater')}</dt>
        <dd>{detail.theaterName ?? '—'}</dd>
        <dt>{t('funding.source')}</dt>
        <dd class="source">
          <SourceText ctx={ctx} source={row.source} />
        </dd>
        <FulfilmentLinks ctx={ctx} label={t('funding.fulfils')} currency={campaign.currency} links={detail.fulfils.map((link) => ({ id: link.fulfilledId, amount: link.amount }))} />
        <FulfilmentLinks ctx={ctx} label={t('funding.fulfilledBy')} currency={campaign.currency} links={detail.fulfilledBy.map((link) => ({ id: link.fulfillingId, amount: link.amount }))} />
      </dl>
      <ReviewControls
        ctx={ctx}
        action={action}
        record={row}
        may={may}
        verifyLabel={t('funding.verify')}
        correction={props.choices && { version: props.values?.version ?? row.version, open: Boolean(props.errors?.length || props.stale), errors: props.errors, fields: <ContributionFields ctx={ctx} choices={props.choices} values={props.values ?? {}} errors={props.errors} /> }}
      >
        {may.verify && row.status !== 'rejected' && (
        <form method="post" action={`${action}/reject`} class="record-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(row.version)} />
          <TextField name="reason" label={t('funding.rejectReason')} errors={props.errors} required maxLength={2000} />
          <FormActions>
            <button type="submit">{t('funding.reject')}</button>
          </FormActions>
        </form>
        )}
      </ReviewControls>
    </Layout>
  );
}

export function ContributionImportPage(props: { ctx: PageContext; campaign: CampaignRow; problems?: RowProblem[]; imported?: number; message?: string }) {
  const { ctx, campaign } = props;
  const { t } = ctx;
  const title = t('funding.importTitle', { campaign: translated(campaign, ctx.locale, 'name') });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/funding/campaigns/${campaign.id}`}><Translated ctx={ctx} record={campaign} field="name" /></a>
      </p>
      <h1>{title}</h1>
      <UploadOutcome ctx={ctx} done={props.imported === undefined ? undefined : t('funding.imported', { count: props.imported })} message={props.message} problems={props.problems} />
      <p>{t('funding.importHelp')}</p>
      <pre dir="ltr">partner,stage,amount,currency,date,channel,theater,source{'\n'}FRA,pledge,25000000,EUR,2021-06-28,,,Statement of 28 June 2021</pre>
      <form method="post" action={`/funding/campaigns/${campaign.id}/contributions/import`} enctype="multipart/form-data" class="record-form">
        <CsrfField ctx={ctx} />
        <FileField label={t('funding.csvFile')} />
        <FormActions>
          <button type="submit">{t('funding.importSubmit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}

/** The review queue's page; `figures` is ReviewQueueFigures, rendered (and kept) beforehand or to render now. */
export function ReviewQueuePage(props: { ctx: PageContext; figures: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.ctx.t('funding.reviewTitle')}>
      {props.figures}
    </Layout>
  );
}

/** What the review queue shows: the same for every reader of one kind, language and digits until funding changes. */
export function ReviewQueueFigures(props: { ctx: PageContext; rows: ContributionRow[]; total: number; totalIsLowerBound: boolean; partnerName: PartnerNames; campaignName: (id: string) => ComponentChild }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <p>
        <a href="/funding">{t('funding.title')}</a>
      </p>
      <h1>{t('funding.reviewTitle')}</h1>
      <p role="status">
        {props.totalIsLowerBound ? t('funding.reviewMoreThan', { count: props.total }) : t('list.count', { count: props.total })}
        {props.total > props.rows.length && ` · ${t('funding.reviewOldestShown', { count: props.rows.length })}`}
      </p>
      <DataTable
        rows={props.rows}
        empty={t('funding.reviewEmpty')}
        caption={t('funding.reviewTitle')}
        columns={[
          { header: t('funding.campaign'), cell: (row) => props.campaignName(row.campaignId) },
          { header: t('funding.partner'), cell: (row) => props.partnerName(row.partnerId) },
          { header: t('funding.stageLabel'), cell: (row) => t(`funding.stage.${row.stage}` as never) },
          { header: t('funding.amountOriginal'), cell: (row) => <MoneyText ctx={ctx} amount={row.amount} currency={row.currency} /> },
          { header: t('funding.date'), cell: (row) => row.contributedOn, ltr: true },
          { header: t('funding.review'), cell: (row) => <a href={`/funding/contributions/${row.id}`}>{t('funding.review')}</a> },
        ]}
      />
    </>
  );
}
