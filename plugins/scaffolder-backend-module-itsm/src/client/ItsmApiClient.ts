import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import type {
  Change,
  ChangeAssessment,
  ChangeCreateRequest,
  ChangeTransitionRequest,
  ChangeType,
  Incident,
  IncidentCreateRequest,
  KnownError,
  KnownErrorMatch,
  RiskAnswers,
} from '@backstage-itsm/plugin-itsm-common';

/** Body of `POST /change-assessments` (nothing is written). */
export interface ChangeAssessmentRequest {
  type: ChangeType;
  entityRefs: string[];
  riskAnswers?: RiskAnswers;
  plannedStart?: string;
  plannedEnd?: string;
  templateId?: string;
}

/** Query of `GET /known-errors/matches`: what is known of an incident being reported. */
export interface KnownErrorMatchRequest {
  entityRef: string;
  /** Title and description. */
  text?: string;
  category?: string;
  signature?: string;
  /** 1–20 (server default 5). */
  limit?: number;
}

/** `?name=value&…` of the given values, leaving out those that are not set. */
function queryOf(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      query.append(name, String(value));
    }
  }
  const qs = query.toString();
  return qs ? `?${qs}` : '';
}

/**
 * Turns an ITSM error response into the matching `@backstage/errors` error, keeping the server's
 * message (which names the field), so a template run shows why it failed.
 */
async function toError(response: Response, what: string): Promise<Error> {
  const error = await ResponseError.fromResponse(response);
  // The server's message is the useful part; a cause would only repeat it.
  const message = `${what}: ${error.cause.message}`;
  switch (error.statusCode) {
    case 400:
      return new InputError(message);
    case 401:
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
    case 412:
      return new ConflictError(message);
    default:
      return new Error(`${message} (HTTP ${error.statusCode})`);
  }
}

/**
 * The few ITSM REST calls the scaffolder actions make. Every call carries a token issued on
 * behalf of the given credentials, so the ITSM backend records the user running the template
 * as requester or reporter and applies that user's permissions.
 */
export class ItsmApiClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
  }): ItsmApiClient {
    return new ItsmApiClient(options.discovery, options.auth);
  }

  private constructor(discovery: DiscoveryService, auth: AuthService) {
    this.#discovery = discovery;
    this.#auth = auth;
  }

  createChange(options: {
    body: ChangeCreateRequest;
    credentials: BackstageCredentials;
  }): Promise<Change> {
    return this.#request('/changes', {
      method: 'POST',
      body: options.body,
      credentials: options.credentials,
      what: 'ITSM refused to create the change',
    });
  }

  transitionChange(options: {
    id: string;
    version: number;
    transition: ChangeTransitionRequest;
    credentials: BackstageCredentials;
  }): Promise<Change> {
    return this.#request(
      `/changes/${encodeURIComponent(options.id)}/transitions`,
      {
        method: 'POST',
        body: options.transition,
        version: options.version,
        credentials: options.credentials,
        what: `ITSM refused to move ${options.id} to ${options.transition.to}`,
      },
    );
  }

  assessChange(options: {
    body: ChangeAssessmentRequest;
    credentials: BackstageCredentials;
  }): Promise<ChangeAssessment> {
    return this.#request('/change-assessments', {
      method: 'POST',
      body: options.body,
      credentials: options.credentials,
      what: 'ITSM could not assess the change',
    });
  }

  createIncident(options: {
    body: IncidentCreateRequest;
    credentials: BackstageCredentials;
  }): Promise<Incident> {
    return this.#request('/incidents', {
      method: 'POST',
      body: options.body,
      credentials: options.credentials,
      what: 'ITSM refused to create the incident',
    });
  }

  /**
   * The active known errors of the entity and its upstream dependencies that match what is
   * known of an incident, best first (reads nothing but known errors; writes nothing).
   */
  matchKnownErrors(options: {
    query: KnownErrorMatchRequest;
    credentials: BackstageCredentials;
  }): Promise<{ items: KnownErrorMatch[] }> {
    const { entityRef, text, category, signature, limit } = options.query;
    return this.#request(
      `/known-errors/matches${queryOf({
        entityRef,
        text,
        category,
        signature,
        limit,
      })}`,
      {
        method: 'GET',
        credentials: options.credentials,
        what: 'ITSM could not match known errors',
      },
    );
  }

  /**
   * Records that a known error was `offered` to an incident, or its workaround `applied` on it;
   * the server counts each incident and kind once, so a repeat is harmless.
   */
  recordKnownErrorUse(options: {
    id: string;
    incidentId: string;
    kind: 'offered' | 'applied';
    credentials: BackstageCredentials;
  }): Promise<KnownError> {
    return this.#request(
      `/known-errors/${encodeURIComponent(options.id)}/uses`,
      {
        method: 'POST',
        body: { incidentId: options.incidentId, kind: options.kind },
        credentials: options.credentials,
        what: `ITSM could not record that ${options.id} was ${options.kind} for ${options.incidentId}`,
      },
    );
  }

  async #request<T>(
    path: string,
    options: {
      method: 'GET' | 'POST';
      /** The JSON body of a POST; a GET has none. */
      body?: unknown;
      credentials: BackstageCredentials;
      what: string;
      /** The record version a write is made against (`If-Match`). */
      version?: number;
    },
  ): Promise<T> {
    const baseUrl = await this.#discovery.getBaseUrl('itsm');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'itsm',
    });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${token}`,
    };
    const hasBody = options.body !== undefined;
    if (hasBody) {
      headers['Content-Type'] = 'application/json';
    }
    if (options.version !== undefined) {
      headers['If-Match'] = `"${options.version}"`;
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method: options.method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
    });
    if (!response.ok) {
      throw await toError(response, options.what);
    }
    return (await response.json()) as T;
  }
}
