import { CustomErrorBase } from '@backstage/errors';

/**
 * A write was made against a stale record version (`If-Match` did not match).
 * Answered as HTTP 412 by the Backstage error middleware.
 *
 * @public
 */
export class PreconditionFailedError extends CustomErrorBase {
  name = 'PreconditionFailedError' as const;
  readonly statusCode = 412;
}

/**
 * A write arrived without the `If-Match` header it requires. Answered as HTTP 428.
 *
 * @public
 */
export class PreconditionRequiredError extends CustomErrorBase {
  name = 'PreconditionRequiredError' as const;
  readonly statusCode = 428;
}

/**
 * A method the API does not offer on a path it does serve. Answered as HTTP 405.
 *
 * @public
 */
export class MethodNotAllowedError extends CustomErrorBase {
  name = 'MethodNotAllowedError' as const;
  readonly statusCode = 405;
}
