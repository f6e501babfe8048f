import { SourceText } from '../../platform/views/source-text.tsx';
import { translated } from '../../platform/translated-text.ts';
import type { VNode } from 'preact';
import type { FieldProblem } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import { CsrfField, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Pagination, SortableHeader } from '../../platform/views/list-controls.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { RowProblem } from '../../platform/csv-import.ts';
import { FileField, ImportProblems } from '../../platform/views/import-problems.tsx';
import type { GroupRow, PartnerRow, PersonRow } from './partners.repo.ts';
import { type ListQuery, PARTNER_KINDS, PARTNER_STATUSES } from './partners.schema.ts';
import { GroupName, PersonName } from './people-groups.views.tsx';

export function partnerName(partner: Pick<PartnerRow, 'nameEn' | 'nameFr' | 'nameAr'>, locale: Locale): string {
  return locale === 'fr' ? partner.nameFr : locale === 'ar' ? partner.nameAr : partner.nameEn;
}

export function ClassificationBadge({ ctx, value }: { ctx: PageContext; value: string }) {
  return <span class={`badge badge--${value}`}>{ctx.t(`classification.${value}` as never)}</span>;
}

export function PartnerListPage(props: { ctx: PageContext; rows: PartnerRow[]; total: number; query: ListQuery; canWrite: boolean }) {
  const { ctx, query } = props;
  const { t, locale } = ctx;
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const filters = { q: query.q, kind: query.kind, status: query.status, sort: query.sort, dir: query.dir, pageSize: query.pageSize };
  const header = (column: string, label: string) => <SortableHeader ctx={ctx} basePath="/partners" query={filters} column={column} label={label} defaultSort="name" />;
  return (
    <Layout ctx={ctx} title={t('partners.title')}>
      <h1>{t('partners.title')}</h1>
      <form method="get" action="/partners" class="filters" role="search">
        <TextField name="q" label={t('list.search')} value={query.q} />
        <SelectField name="kind" label={t('partners.kind')} value={query.kind} emptyLabel={t('list.all')} options={PARTNER_KINDS.map((k) => [k, t(`partnerKind.${k}` as never)])} />
        <SelectField name="status" label={t('partners.status')} value={query.status} emptyLabel={t('list.all')} options={PARTNER_STATUSES.map((s) => [s, t(`partnerStatus.${s}` as never)])} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <ActionLinks links={[['/partners/export.csv', t('list.exportCsv')], props.canWrite && ['/partners/new', t('partners.new')], props.canWrite && ['/partners/import', t('partners.import')]]} />
      <p role="status">{t('list.count', { count: props.total })}</p>
      <DataTable
        rows={props.rows}
        empty={t('partners.empty')}
        caption={t('partners.title')}
        columns={[
          { header: null, headerCell: header('name', t('partners.name')), cell: (p) => <a href={`/partners/${p.id}`}>{partnerName(p, locale)}</a> },
          { header: null, headerCell: header('iso3', t('partners.iso3')), cell: (p) => p.iso3 ?? '—', ltr: true },
          { header: null, headerCell: header('kind', t('partners.kind')), cell: (p) => t(`partnerKind.${p.kind}` as never) },
          { header: null, headerCell: header('joined', t('partners.joined')), cell: (p) => p.joined ?? '—', ltr: true },
          { header: null, headerCell: header('status', t('partners.status')), cell: (p) => t(`partnerStatus.${p.status}` as never) },
          { header: t('partners.classification'), cell: (p) => <ClassificationBadge ctx={ctx} value={p.classification} /> },
        ]}
      />
      <Pagination ctx={ctx} basePath="/partners" query={filters} page={page} pageSize={pageSize} total={props.total} />
    </Layout>
  );
}

export function PartnerDetailPage(props: { ctx: PageContext; partner: PartnerRow; people: PersonRow[]; groups: (GroupRow & { role: string })[]; canWrite: boolean; canAddPeople: boolean; justice?: VNode }) {
  const { ctx, partner } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={partnerName(partner, locale)}>
      <p>
        <a href="/partners">{t('partners.backToList')}</a>
      </p>
      <h1>{partnerName(partner, locale)}</h1>
      <dl class="facts">
        <dt>{t('partners.nameEn')}</dt>
        <dd lang="en">{partner.nameEn}</dd>
        <dt>{t('partners.nameFr')}</dt>
        <dd lang="fr">{partner.nameFr}</dd>
        <dt>{t('partners.nameAr')}</dt>
        <dd lang="ar">
          <bdi>{partner.nameAr}</bdi>
        </dd>
        <dt>{t('partners.kind')}</dt>
        <dd>{t(`partnerKind.${partner.kind}` as never)}</dd>
        <dt>{t('partners.iso3')}</dt>
        <dd dir="ltr">{partner.iso3 ?? '—'}</dd>
        <dt>{t('partners.joined')}</dt>
        <dd dir="ltr">{partner.joined ?? '—'}</dd>
        <dt>{t('partners.status')}</dt>
        <dd>{t(`partnerStatus.${partner.status}` as never)}</dd>
        <dt>{t('partners.source')}</dt>
        <dd class="source">{partner.source ? <SourceText ctx={ctx} source={partner.source} /> : '—'}</dd>
        <dt>{t('partners.asOf')}</dt>
        <dd dir="ltr">{partner.asOf ?? '—'}</dd>
        <dt>{t('partners.confidence')}</dt>
        <dd>{partner.confidence ?? '—'}</dd>
        <dt>{t('partners.classification')}</dt>
        <dd>
          <ClassificationBadge ctx={ctx} value={partner.classification} />
        </dd>
      </dl>
      {props.canWrite && (
        <p>
          <a href={`/partners/${partner.id}/edit`}>{t('form.edit')}</a>
        </p>
      )}
      <h2>{t('partners.groupsHeading')}</h2>
      {props.groups.length === 0 ? (
        <p class="empty">{t('partners.noGroups')}</p>
      ) : (
        <ul>
          {props.groups.map((g) => (
            <li>
              <a href={`/groups/${g.id}`}>
                <GroupName ctx={ctx} group={g} />
              </a>{' '}
              ({t(`groupRole.${g.role}` as never)})
            </li>
          ))}
        </ul>
      )}
      <h2>{t('partners.peopleHeading')}</h2>
      {props.canAddPeople && (
        <p>
          <a href={`/people/new?partnerId=${partner.id}`}>{t('people.new')}</a>
        </p>
      )}
      {props.people.length === 0 ? (
        <p class="empty">{t('people.empty')}</p>
      ) : (
        <ul>
          {props.people.map((person) => (
            <li>
              <PersonName ctx={ctx} person={person} />
              {person.title ? `, ${person.title}` : ''}
            </li>
          ))}
        </ul>
      )}
      {props.justice}
    </Layout>
  );
}

export interface PartnerFormValues {
  kind?: string;
  iso3?: string | null;
  nameEn?: string;
  nameFr?: string;
  nameAr?: string;
  joined?: string | null;
  status?: string;
  source?: string;
  asOf?: string | null;
  confidence?: string | null;
  classification?: string;
  version?: number | string;
}

export function ClassificationFields({ ctx, value, restrictedGroupIds, groups, errors }: { ctx: PageContext; value?: string; restrictedGroupIds?: string[]; groups: GroupRow[]; errors?: FieldProblem[] }) {
  const { t } = ctx;
  return (
    <fieldset>
      <legend>{t('partners.classification')}</legend>
      <SelectField name="classification" label={t('partners.classification')} value={value} options={['public', 'coalition', 'restricted'].map((c) => [c, t(`classification.${c}` as never)])} errors={errors} />
      <div class="field">
        <label for="field-restrictedGroupIds">{t('form.restrictedGroups')}</label>
        <select id="field-restrictedGroupIds" name="restrictedGroupIds" multiple size={Math.min(6, Math.max(2, groups.length))}>
          {groups.map((g) => (
            <option value={g.id} selected={restrictedGroupIds?.includes(g.id)}>
              {translated(g, ctx.locale, 'name')}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

export function PartnerFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: PartnerFormValues & { restrictedGroupIds?: string[] };
  groups: GroupRow[];
  errors?: FieldProblem[];
  conflict?: PartnerRow | null;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const current = props.conflict;
  return (
    <RecordFormPage
      ctx={ctx}
      title={props.title}
      action={props.action}
      cancelHref="/partners"
      version={values.version}
      errors={errors}
      stale={Boolean(current)}
      currentSaved={current && `${current.nameEn} (${current.iso3 ?? '—'}, ${current.status}, ${current.joined ?? '—'})`}
    >
        <SelectField name="kind" label={t('partners.kind')} value={values.kind} required options={PARTNER_KINDS.map((k) => [k, t(`partnerKind.${k}` as never)])} errors={errors} />
        <TextField name="nameEn" label={t('partners.nameEn')} value={values.nameEn} required errors={errors} />
        <TextField name="iso3" label={t('partners.iso3')} value={values.iso3} hint={t('partners.iso3Hint')} errors={errors} dir="ltr" maxLength={3} />
        <TextField name="nameFr" label={t('partners.nameFr')} value={values.nameFr} hint={t('partners.derivedNameHint')} errors={errors} />
        <TextField name="nameAr" label={t('partners.nameAr')} value={values.nameAr} hint={t('partners.derivedNameHint')} errors={errors} dir="rtl" />
        <TextField name="joined" label={t('partners.joined')} value={values.joined} hint={t('form.partialDateHint')} errors={errors} dir="ltr" />
        <SelectField name="status" label={t('partners.status')} value={values.status ?? 'member'} options={PARTNER_STATUSES.map((s) => [s, t(`partnerStatus.${s}` as never)])} errors={errors} />
        <TextField name="source" label={t('partners.source')} value={values.source} errors={errors} />
        <TextField name="asOf" label={t('partners.asOf')} value={values.asOf} hint={t('form.partialDateHint')} errors={errors} dir="ltr" />
        <SelectField name="confidence" label={t('partners.confidence')} value={values.confidence} emptyLabel="—" options={['high', 'medium', 'low'].map((c) => [c, c])} errors={errors} />
        <ClassificationFields ctx={ctx} value={values.classification ?? 'public'} restrictedGroupIds={values.restrictedGroupIds} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}

export function PartnerImportPage(props: { ctx: PageContext; problems?: RowProblem[]; result?: { created: number; updated: number }; message?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('partners.import')}>
      <h1>{t('partners.import')}</h1>
      <p>{t('partners.importIntro')}</p>
      {props.result && (
        <p class="alert alert--success" role="status">
          {t('partners.importDone', { created: props.result.created, updated: props.result.updated })}
        </p>
      )}
      {props.message && (
        <p class="alert" role="alert">
          {props.message}
        </p>
      )}
      <ImportProblems ctx={ctx} problems={props.problems} />
      <form method="post" action="/partners/import" enctype="multipart/form-data" class="narrow-form">
        <CsrfField ctx={ctx} />
        <FileField label={t('partners.importFile')} />
        <FormActions>
          <button type="submit">{t('partners.importSubmit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}
