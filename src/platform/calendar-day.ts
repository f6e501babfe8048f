/**
 * Calendar days as ISO text (YYYY-MM-DD), the form records are dated in. These run once per row of a
 * million-row import, so they use Date's UTC arithmetic directly rather than a parser.
 */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7)) - 1;
  const date = Number(text.slice(8, 10));
  // Date rolls 2021-02-30 over to March; a real day keeps its year, month and date.
  const day = new Date(Date.UTC(year, month, date));
  return day.getUTCFullYear() === year && day.getUTCMonth() === month && day.getUTCDate() === date;
}

export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Today in UTC, the day records are compared against ("in the future"). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
