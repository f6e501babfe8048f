/**
 * The pages a signed-in person reaches from the main navigation: each navigation link, and on each of
 * those pages the first link of every shape under the same section (a detail page, a sub-page), so
 * record pages are timed too. Exports, feeds and links with a query are left out: they are not pages.
 */
const UUID_OR_NUMBER = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)(?=\/|$)/g;
const NOT_A_PAGE = /\.(csv|xlsx|atom|ics|json|svg|png)$|\?|#|\/sign-out|\/export/;
const PER_SECTION = 6;

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"]*)"/g)].map((match) => (match[1] as string).replaceAll('&amp;', '&'));
}

/** A page's address with record ids as `:id`, so the same page is found again in another database. */
export function shapeOf(path: string): string {
  return path.replace(UUID_OR_NUMBER, '/:id');
}

/**
 * The pages, keyed by shape: ids differ from one database to the next, shapes do not. `get` fetches a
 * page's HTML as the signed-in person (over HTTP in benchmarks, through inject() in tests).
 */
export async function pagesFromNavigation(get: (path: string) => Promise<string>): Promise<Map<string, string>> {
  const home = await get('/');
  const nav = /<nav[^>]*class="main-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
  const sections = [...new Set(hrefs(nav))];
  const pages = new Map<string, string>(sections.map((path) => [shapeOf(path), path]));
  for (const section of sections.filter((path) => path !== '/')) {
    const html = await get(section);
    const shapes = new Set<string>();
    for (const href of hrefs(html)) {
      if (!href.startsWith(`${section}/`) || NOT_A_PAGE.test(href)) continue;
      const shape = shapeOf(href);
      if (shapes.has(shape) || shapes.size >= PER_SECTION) continue;
      shapes.add(shape);
      if (!pages.has(shape)) pages.set(shape, href);
    }
  }
  return pages;
}
