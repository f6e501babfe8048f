import type { FieldProblem } from '../../platform/errors.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { listHref, Pagination } from '../../platform/views/list-controls.tsx';
import { RecordFormPage } from '../../platform/views/record-form.tsx';
import { FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import { translated } from '../../platform/translated-text.ts';
import { Translated, TranslationFields } from '../../platform/views/translated-name.tsx';
import type { GroupWithMembers } from './groups.service.ts';
import type { GroupRow, PartnerRow, PersonWithPartner } from './partners.repo.ts';
import { GROUP_KINDS, type PeopleQuery } from './partners.schema.ts';
import { ClassificationBadge, ClassificationFields, partnerName } from './partners.views.tsx';
import { can } from '../../platform/authz.ts';

export function PeopleListPage(props: { ctx: PageContext; people: PersonWithPartner[]; total: number; query: PeopleQuery; canAdd: boolean }) {
  const { ctx, query } = props;
  const { t } = ctx;
  const filters = { q: query.q, partnerId: query.partnerId, pageSize: query.pageSize };
  return (
    <Layout ctx={ctx} title={t('people.title')}>
      <h1>{t('people.title')}</h1>
      <form method="get" action="/people" class="filters" role="search">
        <TextField name="q" label={t('list.search')} value={query.q} hint={t('people.searchHint')} />
        <FormActions>
          <button type="submit">{t('list.apply')}</button>
        </FormActions>
      </form>
      <ActionLinks links={[[listHref('/people/export.csv', filters, {}), t('list.exportCsv')], props.canAdd && ['/people/new', t('people.new')]]} />
      <p role="status">{t('list.count', { count: props.total })}</p>
      <DataTable
        caption={t('people.title')}
        rows={props.people}
        empty={t('people.empty')}
        columns={[
          { header: t('people.name'), cell: (p) => <PersonName ctx={ctx} person={p} /> },
          { header: t('people.titleField'), cell: (p) => p.title },
          { header: t('people.partner'), cell: (p) => <a href={`/partners/${p.partnerId}`}>{p.partnerNameEn}</a> },
          { header: t('people.email'), cell: (p) => p.email ?? '—', ltr: true },
        ]}
      />
      <Pagination ctx={ctx} basePath="/people" query={filters} page={query.page ?? 1} pageSize={query.pageSize ?? 50} total={props.total} />
    </Layout>
  );
}

/** A group's name in the reader's language (the shared translated-name mechanism). */
export function GroupName({ ctx, group }: { ctx: PageContext; group: { name: string; nameFr: string | null; nameAr: string | null } }) {
  return <Translated ctx={ctx} record={group} field="name" />;
}

/** A person's name, a link to their form only for those who may edit them (others would get 403). */
export function PersonName({ ctx, person }: { ctx: PageContext; person: { id: string; name: string; partnerId: string } }) {
  return can(ctx.actor, 'person.write', { partnerId: person.partnerId }) ? <a href={`/people/${person.id}/edit`}>{person.name}</a> : <>{person.name}</>;
}

export function PersonFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: Record<string, unknown>;
  partners: PartnerRow[];
  groups: GroupRow[];
  errors?: FieldProblem[];
  stale?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  return (
    <RecordFormPage ctx={ctx} title={props.title} action={props.action} cancelHref="/people" version={values.version} errors={errors} stale={props.stale}>
        <SelectField name="partnerId" label={t('people.partner')} value={values.partnerId as string} required emptyLabel="—" options={props.partners.map((p) => [p.id, partnerName(p, locale)])} errors={errors} />
        <TextField name="name" label={t('people.name')} value={values.name as string} required errors={errors} />
        <TextField name="title" label={t('people.titleField')} value={values.title as string} hint={t('people.titleHint')} errors={errors} />
        <TextField name="email" label={t('people.email')} type="email" value={values.email as string} errors={errors} dir="ltr" />
        <ClassificationFields ctx={ctx} value={(values.classification as string) ?? 'coalition'} restrictedGroupIds={values.restrictedGroupIds as string[]} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}

export function GroupListPage({ ctx, groups, canWrite }: { ctx: PageContext; groups: GroupWithMembers[]; canWrite: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('groups.title')}>
      <h1>{t('groups.title')}</h1>
      <ActionLinks links={[['/groups/export.csv', t('list.exportCsv')], canWrite && ['/groups/new', t('groups.new')]]} />
      <DataTable
        caption={t('groups.title')}
        rows={groups}
        empty={t('groups.empty')}
        columns={[
          { header: t('groups.name'), cell: (g) => <a href={`/groups/${g.id}`}>{<GroupName ctx={ctx} group={g} />}</a> },
          { header: t('groups.kind'), cell: (g) => t(`groupKind.${g.kind}` as never) },
          {
            header: t('groups.coLeads'),
            cell: (g) =>
              g.members
                .filter((m) => m.role === 'co-lead')
                .map((m) => partnerName(m, locale))
                .join(', ') || '—',
          },
          { header: t('partners.classification'), cell: (g) => <ClassificationBadge ctx={ctx} value={g.classification} /> },
        ]}
      />
    </Layout>
  );
}

export function GroupDetailPage({ ctx, group, canWrite }: { ctx: PageContext; group: GroupWithMembers; canWrite: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={translated(group, ctx.locale, 'name')}>
      <p>
        <a href="/groups">{t('groups.backToList')}</a>
      </p>
      <h1>
        <GroupName ctx={ctx} group={group} />
      </h1>
      <dl class="facts">
        <dt>{t('groups.kind')}</dt>
        <dd>{t(`groupKind.${group.kind}` as never)}</dd>
        <dt>{t('groups.mandate')}</dt>
        <dd>{group.mandate || '—'}</dd>
        <dt>{t('groups.founded')}</dt>
        <dd dir="ltr">{group.founded ?? '—'}</dd>
        <dt>{t('partners.source')}</dt>
        <dd class="source">{group.source || '—'}</dd>
        <dt>{t('partners.classification')}</dt>
        <dd>
          <ClassificationBadge ctx={ctx} value={group.classification} />
        </dd>
      </dl>
      <p>
        <a href={`/groups/${group.id}/work`}>{t('groups.work')}</a>
      </p>
      <ActionLinks links={[[`/groups/${group.id}/meetings.ics`, t('groups.calendarFeed')], canWrite && [`/groups/${group.id}/edit`, t('form.edit')]]} />
      <h2>{t('groups.members')}</h2>
      {group.members.length === 0 ? (
        <p class="empty">{t('groups.noMembers')}</p>
      ) : (
        <ul>
          {group.members.map((m) => (
            <li>
              <a href={`/partners/${m.partnerId}`}>{partnerName(m, locale)}</a> ({t(`groupRole.${m.role}` as never)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function GroupFormPage(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: Record<string, unknown> & { coLeads?: string[]; memberIds?: string[] };
  partners: PartnerRow[];
  groups: GroupRow[];
  errors?: FieldProblem[];
  stale?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const partnerSelect = (name: string, label: string, selected: string[] = []) => (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <select id={`field-${name}`} name={name} multiple size={8}>
        {props.partners.map((p) => (
          <option value={p.id} selected={selected.includes(p.id)}>
            {partnerName(p, locale)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <RecordFormPage ctx={ctx} title={props.title} action={props.action} cancelHref="/groups" version={values.version} errors={errors} stale={props.stale}>
        <TextField name="name" label={t('groups.name')} value={values.name as string} required errors={errors} />
        <TranslationFields ctx={ctx} field="name" label={t('groups.name')} values={values} errors={errors} />
        <TextField name="slug" label={t('groups.slug')} value={values.slug as string} hint={t('groups.slugHint')} required errors={errors} dir="ltr" />
        <SelectField name="kind" label={t('groups.kind')} value={values.kind as string} required options={GROUP_KINDS.map((k) => [k, t(`groupKind.${k}` as never)])} errors={errors} />
        <TextField name="mandate" label={t('groups.mandate')} value={values.mandate as string} errors={errors} />
        <TextField name="founded" label={t('groups.founded')} value={values.founded as string} hint={t('form.partialDateHint')} errors={errors} dir="ltr" />
        <TextField name="source" label={t('partners.source')} value={values.source as string} errors={errors} />
        {partnerSelect('coLeads', t('groups.coLeads'), values.coLeads)}
        {partnerSelect('memberIds', t('groups.members'), values.memberIds)}
        <ClassificationFields ctx={ctx} value={(values.classification as string) ?? 'public'} restrictedGroupIds={values.restrictedGroupIds as string[]} groups={props.groups} errors={errors} />
    </RecordFormPage>
  );
}
