/** A row of links to what one can do from a page; `false` entries (not permitted here) are left out. */
export function ActionLinks({ links }: { links: readonly (readonly [href: string, label: string] | false)[] }) {
  const shown = links.filter((link): link is readonly [string, string] => link !== false);
  if (shown.length === 0) return null;
  return (
    <ul class="actions">
      {shown.map(([href, label]) => (
        <li>
          <a href={href}>{label}</a>
        </li>
      ))}
    </ul>
  );
}
