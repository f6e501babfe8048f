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

describe('the meeting under page furniture', () => {
  it('reads the article below a cookie banner at the top of a saved page, and keeps the banner out of every fact', () => {
    const page = [
      'We use cookies to measure traffic on this site. Accept | Settings',
      'Partners meet on returnees',
      'OSLO (Wire) – Officials from thirty countries agreed to share prosecution files at a meeting of the Coalition’s Foreign Terrorist Fighters Working Group held in Oslo on 3 May 2025.',
      'Share this: Facebook | X',
      'Participants agreed to publish new guidance on prosecutions.',
    ].join('\n\n');
    const extraction = extractReadout(page, { publishedOn: '2025-05-04' });
    expect(extraction.meetingFormat).toBe('working-group');
    expect(extraction.location?.city).toBe('Oslo');
    expect(extraction.date).toBe('2025-05-03');
    expect(JSON.stringify(extraction)).not.toMatch(/cookies|Share this/);
  });

  it('takes "from camps … at a meeting" as this meeting’s sentence, and "from the previous meeting" as an earlier one’s', () => {
    const today = extractReadout('Partners pressed for faster returns. Members were urged to bring nationals home from camps in Syria at a meeting of the Communications Working Group held in Oslo on 3 May 2025.', { publishedOn: '2025-05-04' });
    expect(today.evidence.meeting?.quote).toContain('held in Oslo');
    expect(today.meetingFormat).toBe('working-group');
    const earlier = extractReadout('Members took stock of the work carried over from the previous meeting held in Oslo on 3 May 2024.', { publishedOn: '2025-05-04' });
    expect(earlier.evidence.meeting).toBeNull();
  });

  it('finds the place in a title’s closing brackets, (City, date), and nowhere else in brackets', () => {
    const titled = extractReadout('Réunion du groupe de travail sur la communication (Madrid, 3 mai 2025)\n\nLes partenaires se sont réunis au palais de Santa Cruz.', { publishedOn: '2025-05-04' });
    expect(titled.location?.city).toBe('Madrid');
    const untitled = extractReadout('Réunion du groupe de travail sur la communication (Madrid pour mémoire)\n\nLes partenaires se sont réunis au palais.', { publishedOn: '2025-05-04' });
    expect(untitled.location).toBeNull();
  });
});

describe('lists of other articles inside a news page', () => {
  it('leaves out a “Related posts” list and an « À lire aussi » line, and reads the article around them', () => {
    const page = [
      'Partners met in Oslo on 3 May 2025 and discussed Syria.',
      'Related posts:\n– Drone strikes hit depots in Iraq\n– Opinion: Libya after the vote',
      'À lire aussi\nLe Mali face à la crise au Yémen',
      'Participants agreed to meet again in Somalia next year.',
    ].join('\n\n');
    const extraction = extractReadout(page, { publishedOn: '2025-05-04' });
    expect(extraction.theaters).toEqual(expect.arrayContaining(['Syria', 'Somalia']));
    expect(extraction.theaters).not.toEqual(expect.arrayContaining(['Iraq']));
    expect(extraction.theaters.some((theater) => /Libya|Mali|Yemen/.test(theater))).toBe(false);
    expect(extraction.commitments).toHaveLength(1);
  });
});
