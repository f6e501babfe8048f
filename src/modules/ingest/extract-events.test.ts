import { describe, expect, it } from 'vitest';
import { commitmentsIn, referencesIn } from './extract-events.ts';
import { referenceGazetteer } from './gazetteer.ts';
import { sentencesOf } from './text-spans.ts';

// Sentences written for these tests.
const commitments = (text: string) => commitmentsIn(sentencesOf(text), text).map((commitment) => commitment.quote);
const references = (text: string) => referencesIn(sentencesOf(text), text, referenceGazetteer(), { publishedOn: null, fallbackYear: 2024 }, new Set()).map((reference) => reference.quote);

describe('commitments', () => {
  it('reads “committed today to”, “reached decisions” and a named state that “will serve”', () => {
    expect(commitments('The partners committed today to share more data on cash couriers.')).toHaveLength(1);
    expect(commitments('Members also reached decisions on the forum’s budget.')).toHaveLength(1);
    expect(commitments('From May, Chile and Norway will serve as co-chairs of the group.')).toHaveLength(1);
  });

  it('reads vows, undertakings and readiness', () => {
    expect(commitments('The ministers vowed to deny the group any safe haven. Partners undertook to fund the programme. Members stand ready to support the new government.')).toHaveLength(3);
  });

  it('does not take what the enemy “will” do, nor what was agreed at earlier meetings, for a commitment', () => {
    expect(commitments('ISIS will continue to exploit the gaps in border security.')).toEqual([]);
    expect(commitments('Over the past months at meetings in many capitals leaders have agreed on a common plan.')).toEqual([]);
  });

  it('reads French endorsements and intentions', () => {
    expect(commitments('La réunion, présidée par le Canada, a permis d’entériner le nouveau plan d’action.')).toHaveLength(1);
    expect(commitments('Les ministres ont affiché leur intention de renforcer leur coopération.')).toHaveLength(1);
  });

  it('reads a donor announcing money as a pledge, and not an announcement of anything else', () => {
    expect(commitments('Chile announced a new contribution of USD 4 million to the demining fund.')).toHaveLength(1);
    expect(commitments('Norway announced $2 million for mine clearance.')).toHaveLength(1);
    expect(commitments('La Suède a annoncé une contribution de 3 millions d’euros. Le Chili a annoncé 2 millions de dollars pour le déminage.')).toHaveLength(2);
    expect(commitments('وأعلنت النرويج عن تقديم مليوني دولار لإزالة الألغام.')).toHaveLength(1);
    expect(commitments('Chile announced the arrest of two financiers. The chair announced that the next meeting would be held in May. La présidence a annoncé la date de la prochaine réunion.')).toEqual([]);
    expect(commitments('وأعلنت الشرطة عن اعتقال شخصين.')).toEqual([]);
  });

  it('reads the French “sont convenus de”', () => {
    expect(commitments('Les délégations sont convenues de se revoir avant l’été.')).toHaveLength(1);
  });

  it('reads an Arabic sentence that reaffirms a commitment, and not one that only stresses', () => {
    expect(commitments('وجدد الوزير التأكيد على التزام بلاده بدعم جهود الشركاء.')).toHaveLength(1);
    expect(commitments('وأكد الوزير أن الوضع في المنطقة صعب.')).toEqual([]);
  });

  it('reads an Arabic commitment only where a verb states it, not the noun in any sentence', () => {
    expect(commitments('وأكد المشاركون التزامهم بمواصلة دعم الشركاء.')).toHaveLength(1);
    expect(commitments('وأشار التقرير إلى أن الالتزام بالمعايير المالية ما زال ضعيفا.')).toEqual([]);
  });
});

const TWO = 'The forum built on the outcomes of the First Oslo Conference of May 2019 and of the Second Oslo Conference held on 3–4 June 2022.';

describe('references to earlier meetings', () => {
  it('reads “the last” meeting named with a hyphenated body, quoted to the end of its clause', () => {
    expect(references('Trainers have taught 200 officers since the last Chile-Peru Border Dialogue in May 2022, and both sides want more.')).toEqual(['last Chile-Peru Border Dialogue in May 2022']);
  });

  it('reads a French decision taken at an earlier summit', () => {
    expect(references('Les ministres veulent appliquer le plan décidé lors du sommet de Lomé.')).toEqual(['décidé lors du sommet de Lomé']);
  });

  it('dates each of two earlier meetings named in a row by the date in its own clause', () => {
    const found = referencesIn(sentencesOf(TWO), TWO, referenceGazetteer(), { publishedOn: null, fallbackYear: 2025 }, new Set());
    expect(found.map((reference) => reference.when)).toEqual(['2019-05', '2022-06-03']);
    expect(found[1]?.quote).toBe('the Second Oslo Conference held on 3–4 June 2022');
  });

  it('reads the French meetings a readout recalls, each with its own date, and none without a date', () => {
    const recalled = 'Les partenaires ont rappelé les décisions de la réunion plénière de Lisbonne du 4 mai 2022 et de la réunion des experts tenue à Oslo en novembre 2023.';
    const found = referencesIn(sentencesOf(recalled), recalled, referenceGazetteer(), { publishedOn: null, fallbackYear: 2025, french: true }, new Set());
    expect(found.map(({ quote, when }) => ({ quote, when }))).toEqual([
      { quote: 'la réunion plénière de Lisbonne du 4 mai 2022', when: '2022-05-04' },
      { quote: 'la réunion des experts tenue à Oslo en novembre 2023', when: '2023-11' },
    ]);
    const undated = 'Les partenaires ont rappelé la réunion des experts.';
    expect(referencesIn(sentencesOf(undated), undated, referenceGazetteer(), { publishedOn: null, fallbackYear: 2025, french: true }, new Set())).toEqual([]);
  });

  it('reads an Arabic meeting “which was held” before, but not this one held today', () => {
    const arabic = (text: string) => referencesIn(sentencesOf(text), text, referenceGazetteer(), { publishedOn: null, fallbackYear: 2024, arabic: true }, new Set()).map((reference) => reference.quote);
    expect(arabic('وناقش المشاركون نتائج اجتماع روما الذي عُقد في آذار الماضي، ثم انتقلوا إلى بند آخر.')).toEqual(['اجتماع روما الذي عُقد في آذار الماضي']);
    expect(arabic('وقال الوزير إن الاجتماع الذي عقد اليوم في الرياض كان مثمرا.')).toEqual([]);
  });

  it('reads a French meeting this one follows, held in a named city or dated in a clause of its own', () => {
    const french = (text: string) => referencesIn(sentencesOf(text), text, referenceGazetteer(), { publishedOn: null, fallbackYear: 2024, french: true }, new Set()).map((reference) => reference.quote);
    expect(french('Cette rencontre fait suite à la réunion du Groupe tenue à Nairobi au printemps.')).toEqual(['la réunion du Groupe tenue à Nairobi au printemps']);
    expect(french('Cette réunion fait suite à la 12e réunion du Groupe, tenue à Oslo en mai 2023, dont les conclusions ont été appliquées.')).toEqual(['la 12e réunion du Groupe, tenue à Oslo en mai 2023']);
  });

  it('quotes a “took place in” meeting through its city', () => {
    expect(references('The previous Ministerial took place in Oslo in May 2022.')[0]).toContain('Oslo');
  });
});
