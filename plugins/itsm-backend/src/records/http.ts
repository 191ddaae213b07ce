import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';

/** Largest accepted request body; larger ones are a 400, never a crash. */
export const BODY_LIMIT = '1mb';

/** The credentials of a request, users and services alike. */
export async function credentialsOf(
  httpAuth: HttpAuthService,
  req: express.Request,
) {
  return {
    credentials: await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    }),
  };
}

/** Sends a versioned record with its `ETag`, never cached. */
export function sendVersioned(
  res: express.Response,
  record: { version: number },
  status = 200,
) {
  res.setHeader('ETag', `"${record.version}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json(record);
}
