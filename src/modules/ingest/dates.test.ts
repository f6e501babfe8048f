import { describe, expect, it } from 'vitest';
import { dateIn, pageDate } from './dates.ts';
import { extractReadout } from './extract.ts';

// Sentences written for these tests.
describe('dates in Arabic', () => {
  const context = { publishedOn: null, fallbackYear: 2022, arabic: true };

  it('reads Levantine and Egyptian month names, with Arabic-Indic or Western digits', () => {
    expect(dateIn('عقد الفريق اجتماعه في ١٢ تشرين الثاني ٢٠٢٣ في عمّان.', context)?.date).toBe('2023-11-12');
    expect(dateIn('انعقد الاجتماع يوم 3 فبراير 2021 عبر الفيديو.', context)?.date).toBe('2021-02-03');
    expect(dateIn('التقى الوزراء في 9 آذار/مارس 2018.', context)?.date).toBe('2018-03-09');
  });

  it('takes the readout’s year when the date has none, and finds nothing in a sentence without a month', () => {
    expect(dateIn('اجتمع الشركاء في 21 أيلول.', context)?.date).toBe('2022-09-21');
    expect(dateIn('شارك 40 ممثلا عن 12 دولة.', context)).toBeNull();
  });
});

describe('the page’s own date line', () => {
  it('is a short line near the top in English, French or Spanish, with or without a weekday', () => {
    expect(pageDate('Partners Meet on Border Security\n\nOctober 3, 2022\n\nPartners met in Oslo.')?.toISOString().slice(0, 10)).toBe('2022-10-03');
    expect(pageDate('Communiqué\n\nmardi 8 novembre 2022\n\nLes partenaires se sont réunis.')?.toISOString().slice(0, 10)).toBe('2022-11-08');
    expect(pageDate('Noticias\n\n4 de abril de 2018\n\nThe group met in Madrid.')?.toISOString().slice(0, 10)).toBe('2018-04-04');
  });

  it('is not a date inside a sentence, nor a year alone', () => {
    expect(pageDate('The partners met in Oslo on October 3, 2022 to review the plan.')).toBeNull();
    expect(pageDate('Annual report 2022\n\nThe partners met in Oslo.')).toBeNull();
  });
});

describe('the meeting’s date', () => {
  it('reads a French meeting sentence without its year, the year coming from the page’s date line', () => {
    const text = 'Réunion des partenaires\n\n12 avril 2023\n\nLa réunion des partenaires s’est tenue ce mercredi 12 avril à Rome, sous la présidence de l’Italie.';
    expect(extractReadout(text)).toMatchObject({ date: '2023-04-12', location: { city: 'Rome', country: 'Italy' } });
  });

  it('reads “le 14 mars 2024” after a French verb of meeting, and “à Rome”', () => {
    expect(extractReadout('La France accueille les partenaires de la Coalition à Rome le 14 mars 2024 pour une réunion de haut niveau.')).toMatchObject({ date: '2024-03-14', location: { city: 'Rome' } });
  });

  it('reads an Arabic meeting sentence’s date', () => {
    expect(extractReadout('عقدت مجموعة العمل اجتماعها السنوي في ١٢ تشرين الثاني ٢٠٢٣ في بغداد، بمشاركة ممثلين عن ثلاثين دولة.').date).toBe('2023-11-12');
  });

  it('falls back on the page’s date line when the text tells no meeting date', () => {
    expect(extractReadout('Joint Statement on Regional Security\n\nMay 2, 2019\n\nWe, the ministers, condemn the attacks and reaffirm our resolve.').date).toBe('2019-05-02');
  });

  it('dates a meeting over several days by its first day', () => {
    expect(extractReadout('The partners’ conference was held in Oslo on 13 and 14 May 2025.').date).toBe('2025-05-13');
    expect(extractReadout('Les partenaires se sont réunis à Rome les 21 et 22 janvier 2026.').date).toBe('2026-01-21');
  });

  it('dates “took place today” by the page’s date line', () => {
    expect(extractReadout('Ninth Plenary Meeting\n\n2 June 2020\n\nThe ninth plenary meeting of the partners took place today in Oslo.').date).toBe('2020-06-02');
  });
});

describe('the meeting’s place', () => {
  it('reads a dateline whose dash touches the city, or a colon after it', () => {
    expect(extractReadout('Partners Review Progress\n\nOslo– On 3 and 4 May, the partners convened their annual meeting.').location).toEqual({ city: 'Oslo', country: 'Norway' });
    expect(extractReadout('News\n\nCAIRO: The partners convened their annual meeting on 3 May 2022.').location).toEqual({ city: 'Cairo', country: 'Egypt' });
  });

  it('does not take a heading’s label before a colon for a place', () => {
    expect(extractReadout('Categories: World\n\nThe partners convened their annual meeting on 3 May 2022.').location).toBeNull();
  });

  it('reads a headline’s “Meeting in” and an Arabic meeting sentence’s “في” before a city', () => {
    expect(extractReadout('Partners Hold Annual Meeting in Oslo\n\nThe partners discussed the plan.').location).toEqual({ city: 'Oslo', country: 'Norway' });
    expect(extractReadout('عقدت مجموعة العمل اجتماعها السنوي في ١٢ تشرين الثاني ٢٠٢٣ في بغداد، بمشاركة ممثلين عن ثلاثين دولة.').location).toEqual({ city: 'Baghdad', country: 'Iraq' });
  });
});

describe('a wire’s dateline', () => {
  it('is the report’s date, not the meeting’s, and anchors a weekday', () => {
    expect(extractReadout('OSLO, 12 May 2022 (Agency) -- The partners’ working group met on Tuesday, 10 May in Oslo.').date).toBe('2022-05-10');
    expect(extractReadout('OSLO, 12 May 2022 (Agency) -- The partners’ working group met on Tuesday in Oslo.').date).toBe('2022-05-10');
  });
});

describe('the setting', () => {
  it('reads a remote meeting in French and Arabic', () => {
    expect(extractReadout('Le groupe de travail s’est réuni par visioconférence le 3 mars 2021.').setting).toBe('virtual');
    expect(extractReadout('Le groupe de travail s’est réuni à distance le 3 mars 2021.').setting).toBe('virtual');
    expect(extractReadout('عقد فريق العمل اجتماعا افتراضيا في ٣ آذار ٢٠٢١.').setting).toBe('virtual');
  });
});

describe('French meeting places and formats', () => {
  it('reads a capital by its French name, after “à” or “au”', () => {
    expect(extractReadout('La réunion du groupe restreint s’est tenue le 5 avril 2022 à Bruxelles.')).toMatchObject({ date: '2022-04-05', meetingFormat: 'small-group', location: { city: 'Brussels', country: 'Belgium' } });
    expect(extractReadout('Les partenaires se sont réunis au Caire le 3 mai 2021.').location).toEqual({ city: 'Cairo', country: 'Egypt' });
  });
});

describe('French verbs of meeting that end in “é”', () => {
  it('find the meeting’s sentence and its date', () => {
    expect(extractReadout('Communiqué\n\nLes partenaires se félicitent des progrès accomplis. Le Canada a présidé la réunion des partenaires le 3 mai 2021 à Ottawa. Ils évoqueront le plan le 9 juin 2021.').date).toBe('2021-05-03');
  });
});

describe('French months with their year', () => {
  const context = { publishedOn: null, fallbackYear: 2025, french: true };

  it('reads a month and year without a day at month precision, and a full date as the day', () => {
    expect(dateIn('Le groupe s’était réuni à Oslo en novembre 2022.', context)).toMatchObject({ date: '2022-11', text: 'novembre 2022' });
    expect(dateIn('La réunion du 4 novembre 2022 à Oslo.', context)?.date).toBe('2022-11-04');
    expect(dateIn('Les ministres ont rappelé la réunion de mars 2021 et celle du 2 mai 2024.', context)?.date).toBe('2021-03');
  });
});
