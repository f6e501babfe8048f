/**
 * The day a list file was generated, as the file itself says in its first lines: the UN XML's
 * dateGenerated, the EU XML's generationDate, the UK CSV's "Last Updated" line. OFAC's CSV files carry
 * no date: undefined, and the page says the file does not state one.
 */
export function publicationDate(head: string): string | undefined {
  const iso = /\b(?:dateGenerated|generationDate)="(\d{4}-\d{2}-\d{2})/.exec(head);
  if (iso) return iso[1];
  const uk = /^\uFEFF?Last Updated,\s*(\d{2})\/(\d{2})\/(\d{4})/i.exec(head);
  if (uk) return `${uk[3]}-${uk[2]}-${uk[1]}`;
  return undefined;
}
