import { Layout } from '../../platform/views/layout.tsx';
import type { PageContext } from '../../platform/views/page-context.ts';

export function CookiesPage({ ctx, idleMinutes, absoluteHours, identityProviders }: { ctx: PageContext; idleMinutes: number; absoluteHours: number; identityProviders: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('cookies.title')}>
      <h1>{t('cookies.title')}</h1>
      <p>{t('cookies.intro')}</p>
      <table>
        <caption>{t('cookies.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cookies.name')}</th>
            <th scope="col">{t('cookies.purpose')}</th>
            <th scope="col">{t('cookies.lifetime')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td dir="ltr">
              <code>__Host-cd_session</code>
            </td>
            <td>{t('cookies.sessionPurpose')}</td>
            <td>{t('cookies.sessionLifetime', { idleMinutes, absoluteHours })}</td>
          </tr>
          <tr>
            <td dir="ltr">
              <code>__Host-cd_flash</code>
            </td>
            <td>{t('cookies.flashPurpose')}</td>
            <td>{t('cookies.flashLifetime')}</td>
          </tr>
          <tr>
            <td dir="ltr">
              <code>__Host-cd_device</code>
            </td>
            <td>{t('cookies.devicePurpose')}</td>
            <td>{t('cookies.deviceLifetime')}</td>
          </tr>
          {identityProviders && (
            <tr>
              <td dir="ltr">
                <code>__Host-cd_oidc</code>
              </td>
              <td>{t('cookies.oidcPurpose')}</td>
              <td>{t('cookies.oidcLifetime')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p>{t('cookies.noTracking')}</p>
    </Layout>
  );
}
