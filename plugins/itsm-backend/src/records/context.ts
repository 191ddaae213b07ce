import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who is asking, as the routers pass it on. */
export interface RequestContext {
  credentials: BackstageCredentials;
}

/**
 * A business write's context. Callers send the version they saw as
 * `ifMatch` (`"<version>"`, the HTTP header); the plugin's own jobs may pass
 * `expectedVersion` instead, or nothing to write over the current version.
 */
export interface WriteContext extends RequestContext {
  ifMatch?: string;
  expectedVersion?: number;
}

/** The plugin's own subject; its own credentials act as the plugin (jobs). */
export const PLUGIN_SUBJECT = 'plugin:itsm';

/** Whether the credentials are the plugin's own service credentials. */
export function isPluginItself(credentials: BackstageCredentials): boolean {
  const principal = credentials.principal as { type: string; subject?: string };
  return principal.type === 'service' && principal.subject === PLUGIN_SUBJECT;
}

/** The actor recorded in history: a user entity ref, or the calling service's subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}
