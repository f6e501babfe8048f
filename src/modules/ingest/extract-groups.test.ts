import { describe, expect, it } from 'vitest';
import { groupsIn } from './extract-groups.ts';
import { referenceGazetteer } from './gazetteer.ts';

// Sentences written for these tests.
const groups = (text: string) => groupsIn(text, referenceGazetteer());

describe('working groups', () => {
  it('reads an Arabic group described by its function, and not a function named far from it', () => {
    expect(groups('عقدت مجموعة عمل التحالف، المعنية بالمقاتلين الإرهابيين الأجانب، اجتماعها في بغداد.')).toEqual(['Foreign Terrorist Fighters Working Group']);
    expect(groups('عقدت مجموعة عمل التحالف اجتماعها الأول في بغداد بحضور ممثلين عن أربعين دولة ومنظمة إقليمية ودولية كثيرة لمناقشة الوضع العام في المنطقة وقضايا التمويل.')).toEqual([]);
  });

  it('prefixes a registry group with the body whose meeting a text without the Coalition reports', () => {
    expect(groups('Ninth Plenary of the Northern Security Forum (NSF), Oslo\n\nThe Foreign Terrorist Fighters Working Group reported to NSF members.')).toEqual(['NSF Foreign Terrorist Fighters Working Group']);
    expect(groups('Ninth Plenary of the Northern Security Forum (NSF)\n\nThe Coalition’s Foreign Terrorist Fighters Working Group reported.')).toEqual(['Foreign Terrorist Fighters Working Group']);
  });

  it('reports another body’s group that the text names in full and shortens in brackets', () => {
    expect(groups('Officials met for the 2nd Baltic Maritime Security Working Group (BMSWG) meeting in Riga.')).toEqual(['Baltic Maritime Security Working Group']);
    expect(groups('The Stabilization Working Group (SWG) met in Rome.')).toEqual(['Stabilization Working Group']);
  });
});

describe('groups shortened or named in Arabic', () => {
  it('reads “WG” as Working Group, and the Arabic Africa focus group only as a focus group', () => {
    expect(groups('The Communications WG met in London.')).toEqual(['Communications Working Group']);
    expect(groups('The Stabilization and FTF WGs reported.')).toEqual(['Stabilization Working Group', 'Foreign Terrorist Fighters Working Group']);
    expect(groups('اجتمعت مجموعة التركيز الأفريقية في نيامي.')).toEqual(['Africa Focus Group']);
    expect(groups('عقدت مجموعة العمل المعنية بالاستقرار اجتماعا بشأن أفريقيا.')).toEqual(['Stabilization Working Group']);
  });
});

describe('groups by their French names', () => {
  it('reads the finance group by what it fights and the focus group by its region', () => {
    expect(groups('Le Groupe de lutte contre le financement de Daech s’est réuni à Rome.')).toEqual(['Counter ISIS Finance Group']);
    expect(groups('Le Groupe de réflexion Afrique de la Coalition s’est réuni à Accra.')).toEqual(['Africa Focus Group']);
    expect(groups('Le Groupe de réflexion a parlé de la stabilisation.')).toEqual([]);
  });
});
