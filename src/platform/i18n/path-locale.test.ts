import { describe, expect, it } from 'vitest';
import { localizedLocation, localizeLinks, localizedPath, rewriteLocalePath } from './path-locale.ts';

describe('language by path', () => {
  it('serves /fr/… and /ar/… from the plain routes, and leaves other paths alone', () => {
    const request = (url: string) => ({ url }) as never;
    expect(rewriteLocalePath(request('/fr/readouts?q=rome'))).toBe('/readouts?q=rome');
    expect(rewriteLocalePath(request('/ar'))).toBe('/');
    expect(rewriteLocalePath(request('/ar?page=2'))).toBe('/?page=2');
    expect(rewriteLocalePath(request('/france'))).toBe('/france');
    expect(rewriteLocalePath(request('/readouts/fr'))).toBe('/readouts/fr');
    expect(localizedPath('fr', '/')).toBe('/fr');
    expect(localizedPath('ar', '/readouts?page=2')).toBe('/ar/readouts?page=2');
  });

  it('keeps links and forms under the path’s language, but not assets, the API, other origins or explicit languages', () => {
    const html = '<a href="/">Home</a><a class="x" href="/readouts/2021/a">R</a><form method="get" action="/readouts"></form><link rel="stylesheet" href="/assets/app.css"><a href="/assets/file.pdf">f</a><a href="/api/docs">API</a><a href="//cdn.example/x">x</a><a href="https://example.org/">e</a><a href="/en/readouts" hreflang="en">English</a><a href="#main">skip</a>';
    expect(localizeLinks(html, 'fr')).toBe('<a href="/fr/">Home</a><a class="x" href="/fr/readouts/2021/a">R</a><form method="get" action="/fr/readouts"></form><link rel="stylesheet" href="/assets/app.css"><a href="/assets/file.pdf">f</a><a href="/api/docs">API</a><a href="//cdn.example/x">x</a><a href="https://example.org/">e</a><a href="/en/readouts" hreflang="en">English</a><a href="#main">skip</a>');
  });

  it('keeps image-map areas and form buttons with their own target under the path’s language', () => {
    const html = '<area shape="poly" href="/detention/sites/1"><button type="submit" formaction="/ingest/2/accept">A</button><input type="submit" formaction="/api/v1/x">';
    expect(localizeLinks(html, 'ar')).toBe('<area shape="poly" href="/ar/detention/sites/1"><button type="submit" formaction="/ar/ingest/2/accept">A</button><input type="submit" formaction="/api/v1/x">');
  });

  it('puts a redirect under the reader’s language unless it leaves the site, is a file or the API, or names a language', () => {
    expect(localizedLocation('ar', '/meetings/1')).toBe('/ar/meetings/1');
    expect(localizedLocation('ar', '/')).toBe('/ar');
    expect(localizedLocation('ar', '/?page=2')).toBe('/ar/?page=2');
    for (const kept of ['/fr/meetings', '/en', '/ar#top', '/assets/app.css', '/api/v1/me', '//evil.example/', 'https://idp.example/authorize']) expect(localizedLocation('ar', kept)).toBe(kept);
  });
});
