import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { MethodNotAllowedError } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { BODY_LIMIT } from '../records/http';
import { createLinkRoutes } from '../records/links';
import { PRACTICES } from '../practices';
import type { PracticeRouteContext } from '../practices/practice';
import { spec } from '../schema/openapi.generated';

/** Answers 405 with an `Allow` header for undeclared methods on the spec's paths. */
function methodNotAllowed(paths: Record<string, object>): express.Router {
  const router = express.Router();
  for (const [path, operations] of Object.entries(paths)) {
    const allow = Object.keys(operations)
      .filter(key => key !== 'parameters')
      .map(method => method.toUpperCase());
    router.all(path.replace(/\{(\w+)\}/g, ':$1'), (req, res) => {
      res.setHeader('Allow', allow.join(', '));
      throw new MethodNotAllowedError(
        `${req.method} is not allowed here; use ${allow.join(', ')}`,
      );
    });
  }
  return router;
}

/**
 * The plugin's REST API: validated against the OpenAPI spec, the sub-routers of every
 * registered practice, then the kernel's record links.
 */
export async function createRouter(
  options: PracticeRouteContext,
): Promise<express.Router> {
  // The validator resolves $refs in place, so it gets its own copy of the spec.
  const router = createValidatedOpenApiRouter(structuredClone(spec), {
    middleware: [express.json({ limit: BODY_LIMIT })],
  });
  for (const practice of PRACTICES) {
    for (const sub of practice.routers(options)) {
      router.use(sub);
    }
  }
  router.use(createLinkRoutes(options));
  router.use(methodNotAllowed(spec.paths));
  return router;
}
