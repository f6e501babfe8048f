import { describe, expect, it } from 'vitest';
import { setRequestLanguage, withRequestLanguage } from '../../platform/i18n/request-language.ts';
import { extractReadout } from './extract.ts';

// Readouts written for these tests (never copied from a published text).
const ROME = [
  'Readout of the Coalition Ministerial Meeting in Rome',
  'Coalition ministers met in Rome on 14 March 2024. High Representative Josep Borrell Fontelles opened the meeting.',
  'Italy pledged EUR 25 million and the German Government announced $10 million for stabilization in Iraq and Syria.',
  'The al-Hol camp holds some 30,000 people, most of them women and children.',
  'Kazakhstan repatriated 45 women and children in February.',
  'Ministers agreed to focus the Communications and Foreign Terrorist Fighters Working Groups on countering ISIS-K propaganda.',
  'Participants condemned the attack in Kerman on 3 January, and discussed ISIS-K recruitment in Central Asia.',
].join('\n\n');

describe('facts a readout states, each with its words', () => {
  const extraction = extractReadout(ROME, { publishedOn: '2024-03-15' });

  it('names the donor of each amount, by name or by demonym, and not a place the money goes to', () => {
    expect(extraction.money.map(({ amount, currency, actor }) => ({ amount, currency, actor }))).toEqual([
      { amount: '25000000', currency: 'EUR', actor: 'Italy' },
      { amount: '10000000', currency: 'USD', actor: 'Germany' },
    ]);
  });

  it('reads the camp population, the repatriation and the tasking', () => {
    expect(extraction.detention).toMatchObject([{ site: 'al-Hol', population: 30000 }]);
    expect(extraction.repatriations).toMatchObject([{ state: 'Kazakhstan', count: 45, kind: 'women and children' }]);
    expect(extraction.taskings).toMatchObject([{ groups: ['Communications Working Group', 'Foreign Terrorist Fighters Working Group'], subject: 'countering ISIS-K propaganda' }]);
    for (const fact of [...extraction.detention, ...extraction.repatriations, ...extraction.taskings]) expect(ROME.slice(fact.start, fact.end)).toBe(fact.quote);
  });

  it('keeps a three-word name whole after its office', () => {
    expect(extraction.speakers).toContainEqual({ name: 'Josep Borrell Fontelles', role: 'High Representative' });
  });

  it('does not blame an affiliate named elsewhere in the sentence for an attack', () => {
    expect(extraction.incidents).toMatchObject([{ date: '2024-01-03', place: 'Kerman', perpetrator: null }]);
  });
});

describe('French and the reader’s language', () => {
  const FRENCH = [
    'Réunion de la Coalition à Paris',
    'Les partenaires de la Coalition se sont réunis à Paris le 14 mars 2024. La France a annoncé 45,5 millions d’euros pour la stabilisation, et l’Italie 10 000 000 € pour le Sahel.',
  ].join('\n\n');

  it('reads French amounts with a decimal comma and spaces between thousands', () => {
    expect(extractReadout(FRENCH).money.map(({ amount, currency }) => ({ amount, currency }))).toEqual([
      { amount: '45500000', currency: 'EUR' },
      { amount: '10000000', currency: 'EUR' },
    ]);
  });

  it('finds the date of a French readout whatever the reader’s interface language', () => {
    for (const locale of ['en', 'fr', 'ar']) {
      let date: string | null = null;
      withRequestLanguage(() => {
        setRequestLanguage(locale, undefined);
        date = extractReadout(FRENCH).date;
      });
      expect(date, locale).toBe('2024-03-14');
    }
  });

  it('says when a sum has no currency, and proposes none', () => {
    const extraction = extractReadout('Partners met in Rome on 14 March 2024. Spain pledged 25 million for stabilization.');
    expect(extraction.money).toEqual([]);
    expect(extraction.notes.join(' ')).toContain('pledged 25 million');
  });
});
