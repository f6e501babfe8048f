import { describe, expect, it } from 'vitest';
import { speakersIn } from './extract-speakers.ts';
import { sentencesOf } from './text-spans.ts';

// Sentences written for these tests.
const names = (text: string, states: string[] = ['norway', 'japan']) => speakersIn(sentencesOf(text), new Set(states)).map((speaker) => speaker.name);

describe('speakers', () => {
  it('reads a speaker after an office whose subject is capitalised, and before “will” and a verb', () => {
    expect(names('Deputy Minister for Maritime Affairs Kari Nordmann will represent Norway at the session.')).toEqual(['Kari Nordmann']);
    expect(names('Special Envoy for Iraq Jane M. Doe will open the meeting.')).toEqual(['Jane M. Doe']);
  });

  it('reads a state’s person who speaks or leads a delegation, any state, and not a state’s place or group', () => {
    expect(names('Delegations were led by senior officials, including Chile’s Ana Morales and the Foreign Ministry’s Paulo Reis.')).toEqual(['Ana Morales', 'Paulo Reis']);
    expect(names('Norway’s Kari Nordmann said the plan was sound.')).toEqual(['Kari Nordmann']);
    expect(names('Attacks continued in Nigeria’s Borno State and in Syria’s Deir Hafer, officials said.')).toEqual([]);
  });

  it('reads a French chair named with his country in brackets', () => {
    expect(names('Déclaration faite aujourd’hui par le Président du Conseil pour le mois de mai, M. Jean Dupont (France) :')).toEqual(['Jean Dupont']);
  });

  it('reads an Arabic name after its office and a title, up to the comma', () => {
    expect(names('وقال وزير الخارجية النرويجي، السيد كاري نوردمان، إن الخطة جيدة.')).toEqual(['كاري نوردمان']);
  });
});

describe('French speakers', () => {
  it('reads offices written in lower case beside the name, and “a” before the participle', () => {
    expect(names('La réunion était présidée par M. Jean Dupont, ministre des Affaires étrangères, et Mme Claire Martin, secrétaire d’État.')).toEqual(['Jean Dupont', 'Claire Martin']);
    expect(names('Le ministre des Affaires étrangères, Jean Dupont, a ouvert la réunion.')).toEqual(['Jean Dupont']);
    expect(names('L’ambassadeur Paul Girard a présenté les travaux du groupe.')).toEqual(['Paul Girard']);
  });

  it('reads an Arabic name after two titles', () => {
    expect(names('وترأس الاجتماع سعادة السفير خالد المنصوري مساعد وزير الخارجية.')).toEqual(['خالد المنصوري']);
  });
});
