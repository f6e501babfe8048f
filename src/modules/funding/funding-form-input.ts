import { Type } from '@fastify/type-provider-typebox';
import { formList, formToInput, recordFormInput } from '../../platform/validate.ts';

export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
export const NewContributionQuery = Type.Object({ partnerId: Type.Optional(Type.String({ format: 'uuid' })), lang: Type.Optional(Type.String({ maxLength: 10 })) });

/** Campaign form fields as service input: lists from checkboxes and lines, flags from checkboxes. */
export function campaignFormInput(body: unknown): Record<string, unknown> {
  const input = recordFormInput(body);
  input.theaterSlugs = formList(input.theaterSlugs);
  input.channels = typeof input.channels === 'string' ? input.channels.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) : [];
  input.goalIsLowerBound = input.goalIsLowerBound === 'true';
  input.statedPledgedIsLowerBound = input.statedPledgedIsLowerBound === 'true';
  input.notes = input.notes ?? '';
  return input;
}

export function contributionFormInput(body: unknown): Record<string, unknown> {
  const input = formToInput(body as Record<string, unknown>);
  input.fulfils = formList(input.fulfils);
  input.illustrative = input.illustrative === 'true';
  return input;
}

/** An uploaded file's text; a missing or empty file is named as such. */
export function uploadedText(body: unknown): string | undefined {
  const file = (body as Record<string, unknown>).file;
  return Buffer.isBuffer(file) && file.length > 0 ? new TextDecoder('utf-8').decode(file) : undefined;
}
