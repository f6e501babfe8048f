import { say } from './i18n/say.ts';

/**
 * Typed failures services throw; the error handler turns them into RFC 9457 problem+json or an HTML page.
 * Their messages come from the catalogues in the request's language: they are read by people.
 */
export interface FieldProblem {
  /** Path of the offending field, e.g. `iso3` or `rows[3].name`. */
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** What was looked for; each kind has its noun in the `problem.notFound` message of every catalogue. */
export type RecordKind =
  | 'record' | 'account' | 'agendaItem' | 'apiToken' | 'batch' | 'branch' | 'calendarDate' | 'campaign' | 'commitment' | 'contribution'
  | 'document' | 'fact' | 'group' | 'incident' | 'listVersion' | 'meeting' | 'participant' | 'partner' | 'person' | 'readout'
  | 'repatriation' | 'site' | 'tasking';

export class NotFound extends HttpProblem {
  constructor(what: RecordKind = 'record') {
    super(404, 'Not Found', say('problem.notFound', { what }));
  }
}

export class Unauthenticated extends HttpProblem {
  constructor(message = say('problem.signInToContinue')) {
    super(401, 'Unauthorized', message);
  }
}

export class Forbidden extends HttpProblem {
  constructor(message = say('problem.mayNotDoThis')) {
    super(403, 'Forbidden', message);
  }
}

export class InvalidInput extends HttpProblem {
  constructor(readonly fields: FieldProblem[]) {
    super(400, 'Bad Request', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { errors: fields });
  }
}

/** A write based on a stale version (ARCHITECTURE rule 5): nothing was changed. */
export class StaleVersion extends HttpProblem {
  constructor(readonly current: unknown) {
    super(409, 'Conflict', say('problem.staleVersion'), { current });
  }
}

export class Conflict extends HttpProblem {
  constructor(message: string, readonly fields: FieldProblem[] = []) {
    super(409, 'Conflict', message, fields.length ? { errors: fields } : {});
  }
}

export class TooManyAttempts extends HttpProblem {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'Too Many Requests', message);
  }
}
