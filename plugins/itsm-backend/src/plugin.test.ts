import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmCalendarsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import request from 'supertest';
import {
  asUser,
  newIncident,
  startItsmBackend,
  testConfig,
  testEntities,
} from './__testUtils__/testBackend';
import { itsmPlugin } from './plugin';

jest.setTimeout(60_000);

describe('itsmPlugin', () => {
  it('counts in calendars that modules contribute through itsmCalendarsExtensionPoint', async () => {
    const calendarsModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-calendars',
      register(reg) {
        reg.registerInit({
          deps: { calendars: itsmCalendarsExtensionPoint },
          async init({ calendars }) {
            calendars.addCalendars({
              ...testConfig.itsm.calendars['business-hours-eu'],
              id: 'business-hours-eu',
            } as any);
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        calendarsModule,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory({ entities: testEntities }),
      ],
    });

    const res = await request(server)
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident());
    expect(res.status).toBe(201);
    expect(res.body.sla.resolution.calendarId).toBe('business-hours-eu');
  });

  it('refuses to start with invalid configuration, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          itsmPlugin,
          mockServices.rootConfig.factory({
            data: { itsm: { incidents: { defaultCalendar: 'nope' } } },
          }),
          catalogServiceMock.factory({ entities: testEntities }),
        ],
      }),
    ).rejects.toThrow(/itsm\.incidents\.defaultCalendar/);
  });

  it('audits reads (low) and creates (medium) with their outcome', async () => {
    const auditor = mockServices.auditor.mock();
    const success = jest.fn();
    const fail = jest.fn();
    auditor.createEvent.mockResolvedValue({ success, fail });
    const { api } = await startItsmBackend({ features: [auditor.factory] });

    await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident());
    expect(auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventId: 'incident-mutate',
        severityLevel: 'medium',
        meta: { actionType: 'create', entityRef: 'component:default/payments' },
      }),
    );
    expect(success).toHaveBeenLastCalledWith({ meta: { incidentId: 'INC-1' } });

    await api().get('/api/itsm/incidents/INC-1').set('Authorization', asUser());
    expect(auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventId: 'incident-fetch',
        severityLevel: 'low',
        meta: { queryType: 'by-id', incidentId: 'INC-1' },
      }),
    );

    await api().get('/api/itsm/incidents/INC-7').set('Authorization', asUser());
    expect(fail).toHaveBeenLastCalledWith({
      error: expect.objectContaining({ name: 'NotFoundError' }),
    });

    const calls = auditor.createEvent.mock.calls.length;
    await api()
      .get('/api/itsm/service-health?entityRef=component:default/payments')
      .set('Authorization', asUser());
    expect(auditor.createEvent).toHaveBeenCalledTimes(calls);
  });

  it('registers the itsm-incident, itsm-change and itsm-problem resource types with their rules for the permission backend', async () => {
    const { api } = await startItsmBackend();
    await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident({ entityRef: 'component:default/cart' }));

    const metadata = await api()
      .get('/api/itsm/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(metadata.status).toBe(200);
    expect(metadata.body.permissions.map((p: any) => p.name).sort()).toEqual([
      'itsm.calendar.manage',
      'itsm.change.approve',
      'itsm.change.create',
      'itsm.change.read',
      'itsm.change.template.manage',
      'itsm.change.update',
      'itsm.complaint.create',
      'itsm.complaint.manage',
      'itsm.complaint.read',
      'itsm.improvement.approve',
      'itsm.improvement.create',
      'itsm.improvement.read',
      'itsm.improvement.update',
      'itsm.incident.create',
      'itsm.incident.read',
      'itsm.incident.update',
      'itsm.knownError.manage',
      'itsm.problem.create',
      'itsm.problem.read',
      'itsm.problem.update',
      'itsm.review.manage',
      'itsm.review.read',
      'itsm.sla.manage',
      'itsm.sla.read',
      'itsm.survey.manage',
    ]);
    expect(metadata.body.rules.map((r: any) => r.name).sort()).toEqual([
      'IS_ASSIGNEE',
      'IS_CHANGE_ENTITY_OWNER',
      'IS_CHANGE_REQUESTER',
      'IS_COMPLAINANT',
      'IS_COMPLAINT_OWNER',
      'IS_IMPROVEMENT_OWNER',
      'IS_PROBLEM_OWNER',
      'IS_SERVICE_CUSTOMER',
      'IS_SERVICE_OWNER',
      'IS_SERVICE_OWNER',
      'IS_SERVICE_OWNER',
      'IS_SERVICE_OWNER',
      'IS_SERVICE_OWNER',
    ]);

    // The permission backend evaluates conditions on incidents loaded by id.
    const apply = await api()
      .post('/api/itsm/.well-known/backstage/permissions/apply-conditions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: ['INC-1', 'INC-2'].map(resourceRef => ({
          id: resourceRef,
          resourceRef,
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'IS_SERVICE_OWNER',
            resourceType: 'itsm-incident',
            params: { claims: ['group:default/team-b'] },
          },
        })),
      });
    expect(apply.status).toBe(200);
    expect(apply.body.items).toEqual([
      { id: 'INC-1', result: 'ALLOW' },
      { id: 'INC-2', result: 'DENY' },
    ]);
  });
});
