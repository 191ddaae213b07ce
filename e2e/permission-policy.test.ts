import { APIRequestContext, test, expect } from '@playwright/test';
import { demoUserToken } from './helpers';

// The demo backend's permission policy (packages/backend/src/modules/itsmPermissionPolicy) with
// the groups of the demo catalog (examples/org.yaml), as the portal's users get them at sign-in.
const API = 'http://localhost:7007/api/itsm';

async function as(request: APIRequestContext, name: string) {
  return { Authorization: `Bearer ${await demoUserToken(request, name)}` };
}

test('a change is edited by its requester, the owners of what it affects and change managers, nobody else', async ({
  request,
}) => {
  // raj.patel (data-team) plans a change on a data-team service.
  const requester = await as(request, 'raj.patel');
  const created = await request.post(`${API}/changes`, {
    headers: requester,
    data: {
      type: 'normal',
      title: `Add an index for the monthly statement query ${Date.now()}`,
      entityRefs: ['component:default/reporting-service'],
    },
  });
  expect(created.status()).toBe(201);
  let change = await created.json();

  const edit = (headers: Record<string, string>, justification: string) =>
    request.patch(`${API}/changes/${change.id}`, {
      headers: { ...headers, 'If-Match': `"${change.version}"` },
      data: { justification },
    });

  // Another team's developer reads it but may not edit it.
  const outsider = await as(request, 'daniel.kim');
  expect(
    (
      await request.get(`${API}/changes/${change.id}`, { headers: outsider })
    ).status(),
  ).toBe(200);
  const refused = await edit(outsider, 'Looks fine to me.');
  expect(refused.status()).toBe(403);

  for (const [name, why] of [
    ['raj.patel', 'the requester'],
    ['hannah.mueller', 'an owner of the affected service'],
    ['tom.oconnor', 'a change manager'],
  ]) {
    const res = await edit(
      await as(request, name),
      `Statements take 40 s; edited by ${why}.`,
    );
    expect(res.status()).toBe(200);
    change = await res.json();
  }
  expect(change.justification).toBe(
    'Statements take 40 s; edited by a change manager.',
  );
});

test('only ITSM admins manage what every service shares: standard change templates and calendars', async ({
  request,
}) => {
  const stamp = Date.now();
  const template = {
    title: `Rotate a service's TLS certificate ${stamp}`,
    owner: 'group:default/sre-team',
    implementationPlan: 'Issue the certificate and roll the pods.',
    backoutPlan: 'Put the previous certificate back.',
    testPlan: 'Check the certificate chain from outside.',
    durationMinutes: 30,
  };
  const weekday = [['09:00', '18:00']];
  const calendar = {
    id: `business-hours-apac-${stamp}`,
    timezone: 'Asia/Singapore',
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday },
  };

  // A change manager who is not an ITSM admin, and a service owner, are refused.
  for (const name of ['tom.oconnor', 'sofia.rossi']) {
    const headers = await as(request, name);
    const templateRefused = await request.post(`${API}/change-templates`, {
      headers,
      data: template,
    });
    expect(templateRefused.status()).toBe(403);
    const calendarRefused = await request.post(`${API}/calendars`, {
      headers,
      data: calendar,
    });
    expect(calendarRefused.status()).toBe(403);
  }

  // marcus.reed is in group:default/itsm-admins.
  const admin = await as(request, 'marcus.reed');
  const createdTemplate = await request.post(`${API}/change-templates`, {
    headers: admin,
    data: template,
  });
  expect(createdTemplate.status()).toBe(201);
  expect(await createdTemplate.json()).toMatchObject({ title: template.title });
  const createdCalendar = await request.post(`${API}/calendars`, {
    headers: admin,
    data: calendar,
  });
  expect(createdCalendar.status()).toBe(201);
  expect(await createdCalendar.json()).toMatchObject({ id: calendar.id });
});
