/** An error whose message is safe to show a client; `app.onError` renders it as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 500,
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

/** 409: the request conflicts with stored data (e.g. a duplicate feature id). */
export class Conflict extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(409, 'Conflict', message, details);
  }
}
