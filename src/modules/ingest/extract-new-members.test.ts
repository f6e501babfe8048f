import { describe, expect, it } from 'vitest';
import { newMembersIn } from './extract-new-members.ts';
import { referenceGazetteer } from './gazetteer.ts';

// Sentences written for these tests.
const members = (text: string) => newMembersIn(text, referenceGazetteer()).members;

describe('new members', () => {
  it('are named as the registry names them when written with their long official names', () => {
    expect(members('Ministers welcomed the Republic of Moldova as the 91st member of the Coalition.')).toEqual(['Moldova']);
    expect(members('Members welcomed the United Republic of Tanzania and the Kingdom of Lesotho as new members.')).toEqual(['Tanzania', 'Lesotho']);
  });

  it('keep a state the registry and the country lists do not know, without its form', () => {
    expect(members('Ministers welcomed the Republic of Fredonia as a new member.')).toEqual(['Fredonia']);
  });

  it('are read in French and in Arabic, by the country names of those languages', () => {
    expect(members('Les participants ont salué l’adhésion de la Guinée et du Bénin à la Coalition.')).toEqual(['Guinea', 'Benin']);
    expect(members('Les ministres ont accueilli la République unie de Tanzanie comme nouveau membre.')).toEqual(['Tanzania']);
    expect(members('رحب المشاركون بانضمام غينيا إلى التحالف.')).toEqual(['Guinea']);
  });

  it('are not words that name no state', () => {
    expect(members('Les ministres ont salué l’adhésion de tous aux principes de la Coalition.')).toEqual([]);
  });
});
