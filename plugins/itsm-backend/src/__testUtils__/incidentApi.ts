import { IncidentStatus } from '@backstage-itsm/plugin-itsm-common';
import { ALICE, ItsmTestBackend, asUser, newIncident } from './testBackend';

/** Fields each move needs, so tests can walk an incident anywhere. */
export const MOVE_FIELDS: Partial<Record<IncidentStatus, object>> = {
  on_hold: { onHoldReason: 'awaiting_caller' },
  resolved: { resolutionCode: 'fixed', resolutionNotes: 'Restarted the pod' },
};

/** The moves that bring a new incident into each status. */
export const PATH_TO: Record<IncidentStatus, IncidentStatus[]> = {
  new: [],
  in_progress: ['in_progress'],
  on_hold: ['in_progress', 'on_hold'],
  resolved: ['in_progress', 'resolved'],
  closed: ['in_progress', 'resolved', 'closed'],
  cancelled: ['cancelled'],
};

/** Small helpers over the incidents API of a test backend, as one user. */
export function incidentApi(backend: ItsmTestBackend, user = ALICE) {
  const { api } = backend;
  const auth = () => asUser(user);

  const helpers = {
    /** Raises an incident (on `cart` unless told otherwise: no tier, so not major) → body. */
    async create(overrides: Record<string, unknown> = {}) {
      const res = await api()
        .post('/api/itsm/incidents')
        .set('Authorization', auth())
        .send(
          newIncident({ entityRef: 'component:default/cart', ...overrides }),
        );
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    get: (id: string) =>
      api().get(`/api/itsm/incidents/${id}`).set('Authorization', auth()),
    list: (query = '') =>
      api().get(`/api/itsm/incidents${query}`).set('Authorization', auth()),
    async history(id: string) {
      const res = await api()
        .get(`/api/itsm/incidents/${id}/history?limit=200`)
        .set('Authorization', auth());
      return res.body.items as Array<Record<string, any>>;
    },
    patch: (id: string, ifMatch: string | number | undefined, body: object) => {
      const req = api()
        .patch(`/api/itsm/incidents/${id}`)
        .set('Authorization', auth());
      if (ifMatch !== undefined) {
        req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );
      }
      return req.send(body);
    },
    transition: (
      id: string,
      ifMatch: string | number | undefined,
      body: object,
    ) => {
      const req = api()
        .post(`/api/itsm/incidents/${id}/transitions`)
        .set('Authorization', auth());
      if (ifMatch !== undefined) {
        req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );
      }
      return req.send(body);
    },
    workNote: (id: string, text: string) =>
      api()
        .post(`/api/itsm/incidents/${id}/work-notes`)
        .set('Authorization', auth())
        .send({ text }),
    statusUpdate: (id: string, text: string) =>
      api()
        .post(`/api/itsm/incidents/${id}/updates`)
        .set('Authorization', auth())
        .send({ text }),
    /** Moves an incident to `to` with the fields the move needs → the new body. */
    async move(incident: { id: string; version: number }, to: IncidentStatus) {
      const res = await helpers.transition(incident.id, incident.version, {
        to,
        ...MOVE_FIELDS[to],
      });
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    /** A new incident walked into `status`. */
    async createIn(
      status: IncidentStatus,
      overrides: Record<string, unknown> = {},
    ) {
      let incident = await helpers.create(overrides);
      for (const to of PATH_TO[status]) {
        incident = await helpers.move(incident, to);
      }
      return incident;
    },
  };
  return helpers;
}
