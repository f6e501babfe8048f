import { intlLocale, NUMERALS } from '../../platform/i18n/request-language.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { ActionLinks } from '../../platform/views/action-links.tsx';
import { DataTable } from '../../platform/views/data-table.tsx';
import { CsrfField, ErrorSummary, FormActions, SelectField, TextField } from '../../platform/views/forms.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';
import type { ApiTokenRow } from './account.repo.ts';
import { dateTimeFormat } from '../../platform/i18n/formatters.ts';

export function SignInPage(props: { ctx: PageContext; formToken: string; email?: string; next?: string; message?: string; errors?: FieldProblem[]; providers?: readonly { id: string; name: string }[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')}>
      <h1>{t('signIn.title')}</h1>
      {props.message && (
        <p class="alert" role="alert">
          {props.message}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action="/sign-in" class="narrow-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="formToken" value={props.formToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <TextField name="email" label={t('signIn.email')} type="email" autocomplete="username" value={props.email} required errors={props.errors} dir="ltr" />
        <TextField name="password" label={t('signIn.password')} type="password" autocomplete="current-password" required errors={props.errors} dir="ltr" />
        <FormActions>
          <button type="submit">{t('signIn.submit')}</button>
        </FormActions>
      </form>
      {(props.providers ?? []).length > 0 && (
        <section aria-labelledby="providers-heading">
          <h2 id="providers-heading">{t('signIn.providers')}</h2>
          <ul class="provider-list">
            {(props.providers ?? []).map((provider) => (
              <li>
                <a class="button button--secondary" href={`/sign-in/oidc/${provider.id}${props.next ? `?next=${encodeURIComponent(props.next)}` : ''}`}>
                  {t('signIn.withProvider', { name: provider.name })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/** After a first sign-in through an identity provider: the account exists, the secretariat has yet to approve it. */
export function PendingApprovalPage(props: { ctx: PageContext; email: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('oidc.pendingTitle')}>
      <h1>{t('oidc.pendingTitle')}</h1>
      <p>{t('oidc.pendingBody', { email: props.email })}</p>
    </Layout>
  );
}

export function SecondFactorPage(props: { ctx: PageContext; next?: string; errors?: FieldProblem[]; message?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.title')}>
      <h1>{t('secondFactor.title')}</h1>
      <p>{t('secondFactor.intro')}</p>
      {props.message && (
        <p class="alert" role="alert">
          {props.message}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action="/sign-in/second-factor" class="narrow-form">
        <CsrfField ctx={ctx} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <TextField name="code" label={t('secondFactor.code')} autocomplete="one-time-code" inputMode="numeric" required errors={props.errors} dir="ltr" hint={t('secondFactor.hint')} />
        <FormActions>
          <button type="submit">{t('secondFactor.submit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}

export function EnrolPage(props: { ctx: PageContext; qrSvg: string; secret: string; required: boolean; errors?: FieldProblem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('enrol.title')}>
      <h1>{t('enrol.title')}</h1>
      {props.required && <p class="alert">{t('enrol.required')}</p>}
      <ol>
        <li>{t('enrol.stepScan')}</li>
        <li>{t('enrol.stepCode')}</li>
      </ol>
      {/* The SVG comes from the qrcode library, built from our own otpauth URI: no user text inside. */}
      <div class="qr" role="img" aria-label={t('enrol.qrLabel')} dangerouslySetInnerHTML={{ __html: props.qrSvg }} />
      <p>
        {t('enrol.manualKey')} <code dir="ltr">{props.secret}</code>
      </p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action="/account/second-factor" class="narrow-form">
        <CsrfField ctx={ctx} />
        <TextField name="code" label={t('secondFactor.code')} autocomplete="one-time-code" inputMode="numeric" required errors={props.errors} dir="ltr" />
        <FormActions>
          <button type="submit">{t('enrol.submit')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('enrol.doneTitle')}>
      <h1>{t('enrol.doneTitle')}</h1>
      <p>{t('enrol.recoveryIntro')}</p>
      <ul class="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/account">{t('enrol.continue')}</a>
      </p>
    </Layout>
  );
}

export function AccountPage(props: {
  ctx: PageContext;
  email: string;
  displayName: string;
  role: string;
  totpEnabled: boolean;
  totpRequired: boolean;
  numerals: string;
  lastSignIn: { at: Date; failures: number } | null;
  next: string;
}) {
  const { ctx, lastSignIn } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      {lastSignIn && lastSignIn.failures > 0 && (
        <div class="notice" role="alert">
          <p>{t('account.failedSignIns', { count: lastSignIn.failures, when: formatDate(lastSignIn.at, ctx.locale) })}</p>
          {props.next && <a href={props.next}>{t('account.continue')}</a>}
        </div>
      )}
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{props.displayName}</dd>
        <dt>{t('account.email')}</dt>
        <dd dir="ltr">{props.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${props.role}` as never)}</dd>
        <dt>{t('account.secondFactor')}</dt>
        <dd>{props.totpEnabled ? t('account.totpOn') : props.totpRequired ? t('account.totpRequired') : t('account.totpOff')}</dd>
      </dl>
      <ActionLinks links={[!props.totpEnabled && ['/account/second-factor', t('account.setUpTotp')], ['/account/tokens', t('account.apiTokens')], ['/account/calendar', t('account.calendar')]]} />
      <form method="post" action="/account/numerals" class="record-form">
        <CsrfField ctx={ctx} />
        <SelectField name="numerals" label={t('account.numerals')} value={props.numerals} options={NUMERALS.map((numerals) => [numerals, t(`account.numerals.${numerals}` as never)] as const)} />
        <FormActions>
          <button type="submit">{t('account.numeralsSave')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}

function formatDate(value: Date | null, locale: string): string {
  return value ? `${dateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(value)} UTC` : '—';
}

export function TokensPage(props: { ctx: PageContext; tokens: ApiTokenRow[]; newToken?: string; errors?: FieldProblem[]; name?: string }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const now = Date.now();
  const isLive = (token: ApiTokenRow) => !token.revokedAt && token.expiresAt.getTime() > now;
  return (
    <Layout ctx={ctx} title={t('tokens.title')}>
      <h1>{t('tokens.title')}</h1>
      <p>{t('tokens.intro')}</p>
      {props.newToken && (
        <div class="alert alert--success" role="status">
          <p>{t('tokens.created')}</p>
          <p>
            <code dir="ltr" class="token">
              {props.newToken}
            </code>
          </p>
        </div>
      )}
      <DataTable
        rows={props.tokens}
        empty={t('tokens.none')}
        caption={t('tokens.listCaption')}
        columns={[
          { header: t('tokens.name'), cell: (token) => token.name },
          { header: t('tokens.prefix'), cell: (token) => <code>{token.prefix}…</code>, ltr: true },
          { header: t('tokens.expires'), cell: (token) => formatDate(token.expiresAt, locale) },
          { header: t('tokens.lastUsed'), cell: (token) => formatDate(token.lastUsedAt, locale) },
          { header: t('tokens.state'), cell: (token) => (token.revokedAt ? t('tokens.revoked') : isLive(token) ? t('tokens.active') : t('tokens.expired')) },
          {
            header: <span class="visually-hidden">{t('tokens.actions')}</span>,
            cell: (token) =>
              isLive(token) && (
                <form method="post" action={`/account/tokens/${token.id}/revoke`}>
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="button--secondary">
                    {t('tokens.revoke')}
                    <span class="visually-hidden"> {token.name}</span>
                  </button>
                </form>
              ),
          },
        ]}
      />
      <h2>{t('tokens.newTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action="/account/tokens" class="narrow-form">
        <CsrfField ctx={ctx} />
        <TextField name="name" label={t('tokens.name')} value={props.name} required maxLength={100} errors={props.errors} />
        <TextField name="expiresInDays" label={t('tokens.expiresInDays')} type="number" value="90" required errors={props.errors} />
        <FormActions>
          <button type="submit">{t('tokens.create')}</button>
        </FormActions>
      </form>
    </Layout>
  );
}
