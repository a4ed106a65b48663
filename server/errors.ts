type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500 | 503;

/** An error whose message is safe to show a client; `app.onError` renders it as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 404: an unknown collection, feature or path. */
export class NotFound extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(404, 'NotFound', message, details);
  }
}

/** 400: a query parameter is malformed or not allowed; `details.parameter` names it. */
export class InvalidParameter extends AppError {
  constructor(parameter: string, message: string) {
    super(400, 'InvalidParameter', message, { parameter });
  }
}

/** 400: the request body is not what the endpoint accepts; `details` says where. */
export class InvalidBody extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, 'InvalidBody', message, details);
  }
}

/** 409: the request conflicts with stored data (e.g. a duplicate feature id, a transition not allowed from the current state). */
export class Conflict extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(409, 'Conflict', message, details);
  }
}

/** 412: the request's precondition (`If-Match`, `If-None-Match`) does not hold for the stored version; `details` says which is current. */
export class PreconditionFailed extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(412, 'PreconditionFailed', message, details);
  }
}

/** 401: the request needs a signed-in user or a valid API token and has neither. */
export class Unauthenticated extends AppError {
  constructor(message = 'sign in or send an API token to use this endpoint', details?: Record<string, unknown>) {
    super(401, 'Unauthenticated', message, details);
  }
}

/** 403: the caller is known but their role or organisation may not do this. */
export class Forbidden extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(403, 'Forbidden', message, details);
  }
}

/** 429: too many attempts from this client; `details.retryAfterSeconds` says when to try again. */
export class TooManyRequests extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'TooManyRequests', message, { retryAfterSeconds });
  }
}

/** 400: a feature does not fit its collection (geometry type or validity, a property's type or vocabulary); the message names the place. */
export class InvalidFeature extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, 'InvalidFeature', message, details);
  }
}

/** 415: the body's Content-Type is not one the endpoint reads (a cross-site form can only send text/plain and form types). */
export class UnsupportedMediaType extends AppError {
  constructor(accepted: readonly string[], given: string | null) {
    super(415, 'UnsupportedMediaType', `the body must be sent as ${accepted.join(' or ')}`, { accepted, given });
  }
}

/** 503: the server is too busy for this piece of heavy work right now; `details.retryAfterSeconds` says when to try again. */
export class ServiceBusy extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(503, 'ServiceBusy', message, { retryAfterSeconds });
  }
}

/** 429: this caller already has as many heavy jobs running or waiting as one caller may; `details.retryAfterSeconds` says when to try again. */
export class TooManyJobs extends AppError {
  constructor(message: string, retryAfterSeconds: number, maxJobsPerCaller: number) {
    super(429, 'TooManyJobs', message, { retryAfterSeconds, maxJobsPerCaller });
  }
}
