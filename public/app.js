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
});
