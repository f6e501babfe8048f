/** Typed failures services throw; the error handler turns them into RFC 9457 problem+json or an HTML page. */
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

export class NotFound extends HttpProblem {
  constructor(what = 'The record') {
    super(404, 'Not Found', `${what} does not exist or you may not see it.`);
  }
}

export class Unauthenticated extends HttpProblem {
  constructor(message = 'Sign in to continue.') {
    super(401, 'Unauthorized', message);
  }
}

export class Forbidden extends HttpProblem {
  constructor(message = 'You may not do this.') {
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
    super(409, 'Conflict', 'This record was changed by someone else since you opened it. Nothing was saved.', { current });
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
