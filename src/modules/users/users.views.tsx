import { ROLES } from '../../db/schema/identity.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { GroupRow, PartnerRow } from '../partners/partners.repo.ts';
import { partnerName } from '../partners/partners.views.tsx';
import type { UserRow } from './users.service.ts';

export function UsersPage(props: { ctx: PageContext; users: UserRow[]; created?: { email: string; oneTimePassword: string | null } }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.title')}>
      <h1>{t('users.title')}</h1>
      {props.created && (
        <div class="alert alert--success" role="status">
          <p>{t('users.created', { email: props.created.email })}</p>
          {props.created.oneTimePassword && (
            <p>
              {t('users.oneTimePassword')} <code dir="ltr">{props.created.oneTimePassword}</code>
            </p>
          )}
        </div>
      )}
      <p>
        <a href="/admin/users/new">{t('users.new')}</a>
      </p>
      <DataTable
        caption={t('users.title')}
        rows={props.users}
        empty={t('users.none')}
        columns={[
          { header: t('account.email'), cell: (user) => user.email, ltr: true },
          { header: t('account.name'), cell: (user) => user.displayName },
          { header: t('account.role'), cell: (user) => t(`role.${user.role}` as never) },
          { header: t('account.secondFactor'), cell: (user) => (user.totpEnabledAt ? t('account.totpOn') : user.totpRequired ? t('account.totpRequired') : t('account.totpOff')) },
          { header: t('users.state'), cell: (user) => (user.pendingSince ? t('users.pending') : user.disabledAt ? t('users.disabled') : t('users.active')) },
          {
            header: <span class="visually-hidden">{t('tokens.actions')}</span>,
            cell: (user) => (
              <form method="post" action={`/admin/users/${user.id}/${user.disabledAt ? 'enable' : 'disable'}`}>
                <CsrfField ctx={ctx} />
                <button type="submit" class="button--secondary">
                  {user.pendingSince ? t('users.approve') : user.disabledAt ? t('users.enable') : t('users.disable')}
                  <span class="visually-hidden"> {user.email}</span>
                </button>
              </form>
            ),
          },
        ]}
      />
    </Layout>
  );
}

export function NewUserPage(props: { ctx: PageContext; partners: PartnerRow[]; groups: GroupRow[]; values?: Record<string, unknown>; errors?: FieldProblem[] }) {
  const { ctx, values = {}, errors } = props;
  const { t, locale } = ctx;
  const selectedGroups = (values.groupIds as string[] | undefined) ?? [];
  return (
    <Layout ctx={ctx} title={t('users.new')}>
      <h1>{t('users.new')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/admin/users" class="record-form">
        <CsrfField ctx={ctx} />
        <TextField name="email" label={t('account.email')} type="email" value={values.email as string} required errors={errors} dir="ltr" />
        <TextField name="displayName" label={t('account.name')} value={values.displayName as string} required errors={errors} />
        <SelectField name="role" label={t('account.role')} value={values.role as string} required options={ROLES.map((r) => [r, t(`role.${r}` as never)])} errors={errors} />
        <SelectField name="partnerId" label={t('people.partner')} value={values.partnerId as string} emptyLabel="—" options={props.partners.map((p) => [p.id, partnerName(p, locale)])} errors={errors} />
        <div class="field">
          <label for="field-groupIds">{t('users.groups')}</label>
          <select id="field-groupIds" name="groupIds" multiple size={6}>
            {props.groups.map((g) => (
              <option value={g.id} selected={selectedGroups.includes(g.id)}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <FormActions>
          <button type="submit">{t('users.create')}</button> <a href="/admin/users">{t('form.cancel')}</a>
        </FormActions>
      </form>
    </Layout>
  );
}
