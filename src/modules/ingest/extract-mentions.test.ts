import { describe, expect, it } from 'vitest';
import { branchesIn, theatersIn } from './extract-mentions.ts';
import { referenceGazetteer } from './gazetteer.ts';

// Sentences written for these tests.
const theaters = (text: string) => theatersIn(text, referenceGazetteer());

describe('theaters', () => {
  it('does not take a place inside another proper name, but keeps compass words and missions', () => {
    expect(theaters('The report was carried by Libya Morning Herald and discussed by the Tehreek-e-Taliban Pakistan spokesman.')).toEqual([]);
    expect(theaters('Partners discussed Northern Iraq, the work of NATO Mission Iraq, and Syria.')).toEqual(['Iraq', 'Syria']);
  });

  it('does not take invited states or a long roll of participants for places discussed', () => {
    expect(theaters('Le Canada accueille trente pays et deux pays invités (Mali, Tchad) pour discuter de la Syrie.')).toEqual(['Syria']);
    expect(theaters('Attending were Chile, Peru, Mali, Spain, Ghana, Japan and Norway. They discussed Iraq.')).toEqual(['Iraq']);
  });

  it('takes the country of an attack, named in English or French, but not an office holder’s country in brackets', () => {
    expect(theaters('Ministers condemned the suicide attack on a market in the north of Kenya on 3 May.')).toEqual(['Kenya']);
    expect(theaters('Le Conseil condamne l’attentat commis à Ville-Neuve (Libye) le 2 mai.')).toEqual(['Libya']);
    expect(theaters('The session was opened by President Jane Doe (Nigeria), who condemned the attack.')).toEqual([]);
  });

  it('does not take Iraq from the group’s French name', () => {
    expect(theaters('Le Conseil condamne l’attentat revendiqué par l’État islamique d’Iraq et du Levant.')).toEqual([]);
  });
});

describe('theaters written in other ways', () => {
  it('reads French regions under their English names, and not a country inside a region’s name', () => {
    expect(theaters('Les experts ont évoqué le bassin du lac Tchad, l’Afrique de l’Est et l’Afrique de l’Ouest côtière.')).toEqual(['Lake Chad Basin', 'East Africa', 'Coastal West Africa']);
  });
  it('reads a place before a hyphenated qualifier', () => {
    expect(theaters('Members reviewed the Sahel-based cells and a West Africa-focused programme.')).toEqual(['Sahel', 'West Africa']);
  });
});

describe('states taking part are not theaters', () => {
  it('drops the host of a meeting held in its capital and a state whose representative speaks, but never a registry theater', () => {
    expect(theatersIn('Partners met in Accra. Ghana hosted talks on Niger and Mali.', referenceGazetteer(), [], { city: 'Accra', country: 'Ghana' })).toEqual(['Niger', 'Mali']);
    expect(theaters('Türkiye’s representative described returns from Syria.')).toEqual(['Syria']);
    expect(theatersIn('Partners met in Baghdad to discuss Iraq and Syria.', referenceGazetteer(), [], { city: 'Baghdad', country: 'Iraq' })).toEqual(['Iraq', 'Syria']);
  });
});

describe('theaters, kept where the rules above must not apply', () => {
  it('keeps the places of a title-case headline and of a long list of theaters', () => {
    expect(theaters('Partners Discuss Syria Stabilization Efforts')).toEqual(['Syria']);
    expect(theaters('They discussed the threat in Iraq, Syria, Afghanistan, Somalia, Mozambique, Nigeria and the Sahel.')).toEqual(['Iraq', 'Syria', 'Afghanistan', 'Somalia', 'Mozambique', 'Nigeria', 'Sahel']);
  });

  it('does not take a minister’s country for the place of an attack', () => {
    expect(theaters('The Foreign Minister of Chile condemned the attack.')).toEqual([]);
  });
});

describe('theater countries in French and Arabic', () => {
  it('reads them by their ISO names in the text’s language', () => {
    expect(theaters('Les ministres ont évoqué la situation en Libye, au Tchad et au Yémen, ainsi qu’en Irak.')).toEqual(['Libya', 'Chad', 'Yemen', 'Iraq']);
    expect(theaters('ناقش الوزراء الوضع في ليبيا واليمن والعراق.')).toEqual(['Libya', 'Yemen', 'Iraq']);
  });
});

describe('Arabic co-chairs', () => {
  it('are not theaters', () => {
    expect(theaters('عقد الفريق، الذي شاركت في رئاسته دولة الكويت، وهولندا، وتركيا، اجتماعه في عمان لبحث الوضع في العراق.')).toEqual(['Iraq']);
  });
});

describe('branches written in French, in Arabic and under other prefixes', () => {
  const branches = (text: string) => branchesIn(text, referenceGazetteer());
  it('reads the French names, with or without the accent, and their French acronyms', () => {
    expect(branches('Les experts ont évoqué l’État islamique au Khorassan et l’Etat islamique en Afrique de l’Ouest.')).toEqual(['ISIS-K', 'ISWAP']);
    expect(branches('L’attaque a été revendiquée par l’EIGS, puis par l’État islamique – Province du Khorassan.')).toEqual(['ISSP / ISGS', 'ISIS-K']);
  });
  it('reads the Arabic province names', () => {
    expect(branches('ناقش الخبراء نشاط ولاية خراسان وولاية غرب أفريقيا.')).toEqual(['ISIS-K', 'ISWAP']);
  });
  it('reads the English province and regional names', () => {
    expect(branches('Partners discussed IS Sahel, ISIS-Sahel and the Islamic State Khorasan Province.')).toEqual(['ISSP / ISGS', 'ISIS-K']);
  });
});
