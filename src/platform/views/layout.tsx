import type { ComponentChildren } from 'preact';
import { can } from '../authz.ts';
import { direction, LOCALE_NAMES, LOCALES } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/path-locale.ts';
import { CsrfField } from './forms.tsx';
import type { PageContext } from './page-context.ts';

/** This page's address without any ?lang=, to be put under a language's path. */
function pathWithoutLang(url: string): string {
  const parsed = new URL(url, 'http://local');
  parsed.searchParams.delete('lang');
  return `${parsed.pathname}${parsed.search}`;
}

/** Where search engines and readers find this page in each language (the English one at the plain address). */
function LanguageAlternates({ ctx }: { ctx: PageContext }) {
  const path = pathWithoutLang(ctx.url);
  return (
    <>
      {LOCALES.map((code) => (
        <link rel="alternate" hrefLang={code} href={code === 'en' ? path : localizedPath(code, path)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={path} />
    </>
  );
}

function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  if (ctx.actor) {
    // Signed-in users keep their choice on their account, so it follows them to every page.
    return (
      <form method="post" action="/account/language" class="language-switch">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="returnTo" value={ctx.url} />
        <label for="language-select">{t('shell.language')}</label>{' '}
        <select id="language-select" name="locale">
          {LOCALES.map((code) => (
            <option value={code} selected={code === ctx.locale} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('shell.languageApply')}</button>
      </form>
    );
  }
  return (
    <nav class="language-switch" aria-label={t('shell.language')}>
      <ul>
        {LOCALES.map((code) => (
          <li>
            <a href={localizedPath(code, pathWithoutLang(ctx.url))} lang={code} hrefLang={code} aria-current={code === ctx.locale ? 'true' : undefined}>
              {LOCALE_NAMES[code]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MainNavigation({ ctx }: { ctx: PageContext }) {
  const { t, actor } = ctx;
  const links: [string, string][] = [['/', t('nav.home')]];
  if (can(actor, 'partner.read')) links.push(['/partners', t('nav.partners')]);
  if (can(actor, 'group.read')) links.push(['/groups', t('nav.groups')]);
  if (can(actor, 'meeting.read')) links.push(['/meetings', t('nav.meetings')]);
  links.push(['/readouts', t('nav.readouts')]);
  links.push(can(actor, 'funding.read') ? ['/funding', t('nav.funding')] : ['/stabilization', t('nav.funding')]);
  links.push(can(actor, 'detention.read') ? ['/detention', t('nav.detention')] : ['/camps', t('nav.detention')]);
  links.push(['/justice', t('nav.justice')]);
  links.push(['/threats', t('nav.threats')]);
  if (actor && can(actor, 'tasking.read')) links.push(['/taskings', t('nav.taskings')]);
  if (can(actor, 'screening.run')) links.push(['/screening', t('nav.screening')]);
  if (can(actor, 'readout.manage')) links.push(['/desk/readouts', t('nav.desk')]);
  if (can(actor, 'ingest.run')) links.push(['/ingest', t('nav.ingest')]);
  if (actor && can(actor, 'person.read')) links.push(['/people', t('nav.people')]);
  if (can(actor, 'user.manage')) links.push(['/admin/users', t('nav.users')]);
  if (can(actor, 'audit.read')) links.push(['/admin/audit', t('nav.audit')]);
  const current = new URL(ctx.url, 'http://local').pathname;
  return (
    <nav aria-label={t('shell.mainNavigation')} class="main-nav">
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={current === href ? 'page' : undefined}>
              {label}
              {href === '/desk/readouts' && ctx.attention > 0 && (
                <>
                  {' '}
                  <span class="count-badge" aria-hidden="true">
                    {ctx.attention}
                  </span>
                  <span class="visually-hidden"> {t('shell.awaitingYou', { count: ctx.attention })}</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountMenu({ ctx }: { ctx: PageContext }) {
  const { t, actor } = ctx;
  if (!actor) {
    return (
      <a class="sign-in-link" href="/sign-in">
        {t('nav.signIn')}
      </a>
    );
  }
  return (
    <div class="account-menu">
      <a href="/account">{actor.label}</a>
      <form method="post" action="/sign-out">
        <CsrfField ctx={ctx} />
        <button type="submit">{t('nav.signOut')}</button>
      </form>
    </div>
  );
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { t, locale } = ctx;
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('shell.productName')}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer />
        <LanguageAlternates ctx={ctx} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('shell.productName')}
          </a>
          <MainNavigation ctx={ctx} />
          <div class="header-tools">
            <LanguageSwitch ctx={ctx} />
            <AccountMenu ctx={ctx} />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>
            {t('shell.footer')} · <a href="/cookies">{t('nav.cookies')}</a> · <a href="/api/docs">{t('nav.apiDocs')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
