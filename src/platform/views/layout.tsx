import type { ComponentChildren } from 'preact';
import { can } from '../authz.ts';
import { direction, LOCALE_NAMES, LOCALES } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/path-locale.ts';
import { CsrfField } from './forms.tsx';
import type { PageContext } from './page-context.ts';
import { flashMessageKey } from '../flash.ts';

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

/**
 * The other languages as plain links, each named in its own language. Signed-in users keep their choice
 * on their account, so theirs are buttons of one small form (POST with its CSRF token) drawn as links.
 */
function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const others = LOCALES.filter((code) => code !== ctx.locale);
  if (ctx.actor) {
    return (
      <form method="post" action="/account/language" class="language-switch" aria-label={t('shell.language')}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="returnTo" value={ctx.url} />
        <ul>
          {others.map((code) => (
            <li>
              <button type="submit" name="locale" value={code} class="link-button" lang={code}>
                {LOCALE_NAMES[code]}
              </button>
            </li>
          ))}
        </ul>
      </form>
    );
  }
  return (
    <nav class="language-switch" aria-label={t('shell.language')}>
      <ul>
        {others.map((code) => (
          <li>
            <a href={localizedPath(code, pathWithoutLang(ctx.url))} lang={code} hrefLang={code}>
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
  // The brand beside it is the link home (the home page is each reader's desk or the public front page).
  const links: [string, string][] = [];
  if (can(actor, 'partner.read')) links.push(['/partners', t('nav.partners')]);
  if (can(actor, 'group.read')) links.push(['/groups', t('nav.groups')]);
  if (can(actor, 'meeting.read')) links.push(['/meetings', t('nav.meetings')]);
  links.push(['/readouts', t('nav.readouts')]);
  links.push(can(actor, 'funding.read') ? ['/funding', t('nav.funding')] : ['/stabilization', t('nav.funding')]);
  links.push(can(actor, 'detention.read') ? ['/detention', t('nav.detention')] : ['/camps', t('nav.detention')]);
  links.push(['/justice', t('nav.justice')]);
  links.push(['/threats', t('nav.threats')]);
  if (actor && can(actor, 'tasking.read')) links.push(['/taskings', t('nav.taskings')]);
  // Working tools go under "More", so the header stays one row at 1280 px whatever the role.
  const tools: [string, string][] = [];
  if (can(actor, 'readout.manage')) tools.push(['/desk/readouts', t('nav.desk')]);
  if (can(actor, 'screening.run')) tools.push(['/screening', t('nav.screening')]);
  if (can(actor, 'ingest.run')) tools.push(['/ingest', t('nav.ingest')]);
  if (actor && can(actor, 'person.read')) tools.push(['/people', t('nav.people')]);
  if (can(actor, 'user.manage')) tools.push(['/admin/users', t('nav.users')]);
  if (can(actor, 'audit.read')) tools.push(['/admin/audit', t('nav.audit')]);
  const current = new URL(ctx.url, 'http://local').pathname;
  const item = ([href, label]: [string, string]) => (
    <li>
      <a href={href} aria-current={current === href ? 'page' : undefined}>
        {label}
        {href === '/desk/readouts' && <AttentionBadge ctx={ctx} />}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('shell.mainNavigation')} class="main-nav">
      <ul>
        {links.map(item)}
        {tools.length > 0 && (
          <li class="nav-more">
            <details>
              <summary>
                {t('nav.more')}
                <AttentionBadge ctx={ctx} />
              </summary>
              <ul>{tools.map(item)}</ul>
            </details>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** How many things wait for this user, beside the desk link (and on "More", which holds it). */
function AttentionBadge({ ctx }: { ctx: PageContext }) {
  if (ctx.attention <= 0) return null;
  return (
    <>
      {' '}
      <span class="count-badge" aria-hidden="true">
        {ctx.attention}
      </span>
      <span class="visually-hidden"> {ctx.t('shell.awaitingYou', { count: ctx.attention })}</span>
    </>
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
      <a href="/account" title={actor.label}>
        {t('nav.account')}
      </a>
      <form method="post" action="/sign-out">
        <CsrfField ctx={ctx} />
        <button type="submit" class="link-button">
          {t('nav.signOut')}
        </button>
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
        {/* Announced on every page so feed readers find the published readouts from anywhere. */}
        <link rel="alternate" type="application/atom+xml" title={t('readouts.feed')} href="/readouts/feed.atom" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('shell.skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href="/" aria-current={new URL(ctx.url, 'http://local').pathname === '/' ? 'page' : undefined}>
            {t('shell.productName')}
          </a>
          <MainNavigation ctx={ctx} />
          <div class="header-tools">
            <LanguageSwitch ctx={ctx} />
            <AccountMenu ctx={ctx} />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {ctx.flash && (
            <p class="flash" role="status">
              {t(flashMessageKey(ctx.flash))}
            </p>
          )}
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
