// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // When a form comes back with problems, move focus to the summary so screen readers announce it.
  const summary = document.querySelector('.error-summary');
  if (summary instanceof HTMLElement) summary.focus();

  // Meeting times in the reader's own time zone, next to the meeting's zone and UTC given by the server.
  const lang = document.documentElement.lang || undefined;
  for (const element of document.querySelectorAll('.viewer-time')) {
    const starts = new Date(element.getAttribute('data-starts'));
    const ends = new Date(element.getAttribute('data-ends'));
    if (Number.isNaN(starts.getTime()) || Number.isNaN(ends.getTime())) continue;
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    element.textContent = ` · ${element.getAttribute('data-label')}: ${format.formatRange(starts, ends)} (${zone})`;
  }

  // Work in progress (a screening batch): fetch this page again every few seconds and swap the live
  // region in place, so the reader's place is kept and the change announced; stop once it is done.
  for (const region of document.querySelectorAll('[data-live-region]')) {
    if (region.getAttribute('data-done') === 'true') continue;
    const name = region.getAttribute('data-live-region');
    const timer = setInterval(async () => {
      try {
        const response = await fetch(location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector(`[data-live-region="${name}"]`);
        if (!fresh) return;
        region.innerHTML = fresh.innerHTML;
        if (fresh.getAttribute('data-done') === 'true') {
          region.setAttribute('data-done', 'true');
          clearInterval(timer);
        }
      } catch {
        // A failed check is tried again at the next tick.
      }
    }, 3000);
  }

  // Ingest review: choosing a fact (its quote link, by click or keyboard, or a #fact-N address) marks every
  // piece of its span, not only the first one the link lands on; without this file the link still scrolls there.
  const review = document.querySelector('.ingest-text');
  if (review) {
    const highlight = () => {
      const chosen = /^#fact-(\d+)$/.exec(window.location.hash)?.[1];
      for (const mark of review.querySelectorAll('mark[data-facts]')) mark.classList.toggle('span--chosen', chosen !== undefined && mark.getAttribute('data-facts').split(' ').includes(chosen));
    };
    window.addEventListener('hashchange', highlight);
    highlight();
  }
});
