import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';

// Readouts written for these tests.
describe('the meeting’s format, setting and place', () => {
  it('reads a French group named by its French name, and the place of the sentence that says it held its meeting', () => {
    const extraction = extractReadout('Le Groupe de réflexion Afrique de la Coalition a tenu sa réunion jeudi 5 juin à Rabat, en présence de trente pays.');
    expect(extraction.meetingFormat).toBe('focus-group');
    expect(extraction.location).toEqual({ city: 'Rabat', country: 'Morocco' });
  });

  it('takes the place from the body’s full sentence rather than a headline, and the setting from the sentence that follows', () => {
    const extraction = extractReadout(
      ['La Fredonie accueille la 3e réunion du Groupe de lutte contre le financement de Daech', 'La Fredonie a accueilli mardi 4 mars, à Bruxelles, la 3e réunion du Groupe de lutte contre le financement de Daech. La réunion s’est tenue en format hybride.'].join('\n\n'),
    );
    expect(extraction.meetingFormat).toBe('working-group');
    expect(extraction.setting).toBe('hybrid');
    expect(extraction.location).toEqual({ city: 'Brussels', country: 'Belgium' });
    expect(extractReadout('The Small Group met in Oslo on 3 May 2025. The meeting was held in a hybrid format, with some delegations joining by video.').setting).toBe('hybrid');
  });

  it('gives a meeting held online no place, even under a dateline', () => {
    const extraction = extractReadout('OSLO – The Communications Working Group met virtually on 3 May 2025 to review messaging.');
    expect(extraction.setting).toBe('virtual');
    expect(extraction.location).toBeNull();
  });

  it('reads the Small Group’s Arabic name', () => {
    expect(extractReadout('استضافت الرياض اجتماع المجموعة المصغرة للتحالف الدولي.').meetingFormat).toBe('small-group');
  });
});
