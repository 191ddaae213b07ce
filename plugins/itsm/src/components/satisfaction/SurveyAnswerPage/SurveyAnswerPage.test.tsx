import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { itsmApiRef, type ItsmApi } from '../../../api';
import { mockItsmApi } from '../../../__testUtils__/fixtures';
import { makeInvitation } from '../__testUtils__/satisfactionFixtures';
import { SurveyAnswerPage } from './SurveyAnswerPage';

function renderAt(path: string, api: ItsmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[itsmApiRef, api]]}>
      <SurveyAnswerPage />
    </TestApiProvider>,
    { routeEntries: [path] },
  );
}

describe('SurveyAnswerPage', () => {
  it('asks why for a low rating, then sends the answers once', async () => {
    const api = mockItsmApi({
      listSurveyInvitations: jest.fn(async () => ({
        items: [makeInvitation()],
      })),
      respondToSurvey: jest.fn(async () => ({} as any)),
    });
    await renderAt('/itsm/surveys/respond?survey=SUR-1', api);
    expect(api.listSurveyInvitations).toHaveBeenCalledWith({
      surveyId: 'SUR-1',
      incidentId: undefined,
      state: 'all',
    });
    expect(
      await screen.findByRole('heading', { name: 'Payments Q1' }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('radio', { name: '2: Dissatisfied' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(
      await screen.findByText(/is required with a low score/),
    ).toBeInTheDocument();
    expect(api.respondToSurvey).not.toHaveBeenCalled();

    await userEvent.type(
      screen.getByRole('textbox', { name: /What went wrong/ }),
      'Refunds are slow',
    );
    await userEvent.click(screen.getByRole('radio', { name: '9 of 10' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Reliability' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(api.respondToSurvey).toHaveBeenCalledWith({
      source: { type: 'campaign', id: 'SUR-1' },
      response: {
        answers: { overall: 2, recommend: 9, matters: 'Reliability' },
        comment: 'Refunds are slow',
      },
    });
    expect(
      await screen.findByText(/your answers are recorded/),
    ).toBeInTheDocument();
  });

  it('rates an incident resolution from the incident link', async () => {
    const api = mockItsmApi({
      listSurveyInvitations: jest.fn(async () => ({
        items: [
          makeInvitation({
            source: { type: 'incident', id: 'INC-7' },
            title: 'Checkout fails',
            questions: [
              {
                id: 'rating',
                type: 'rating',
                text: 'How satisfied are you with how this incident was resolved?',
                required: true,
              },
            ],
          }),
        ],
      })),
      respondToSurvey: jest.fn(async () => ({} as any)),
    });
    await renderAt('/itsm/surveys/respond?incident=INC-7', api);
    expect(
      await screen.findByRole('heading', { name: 'How did we do on INC-7?' }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('radio', { name: '5: Very satisfied' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(api.respondToSurvey).toHaveBeenCalledWith({
      source: { type: 'incident', id: 'INC-7' },
      response: { answers: { rating: 5 }, comment: null },
    });
  });

  it('shows the server refusal of a second answer', async () => {
    const conflict = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'ConflictError',
            message: 'You have answered SUR-1 already',
          },
          response: { statusCode: 409 },
        }),
        { status: 409, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    const api = mockItsmApi({
      listSurveyInvitations: jest.fn(async () => ({
        items: [makeInvitation()],
      })),
      respondToSurvey: jest.fn(async () => {
        throw conflict;
      }),
    });
    await renderAt('/itsm/surveys/respond?survey=SUR-1', api);
    await userEvent.click(
      await screen.findByRole('radio', { name: '4: Satisfied' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have answered SUR-1 already',
    );
  });

  it.each([
    [
      makeInvitation({ state: 'answered', anonymous: true }),
      /recorded anonymously/,
    ],
    [makeInvitation({ state: 'expired' }), /closed on 2027-03-01/],
  ])('says where an invitation stands (%#)', async (invitation, text) => {
    const api = mockItsmApi({
      listSurveyInvitations: jest.fn(async () => ({ items: [invitation] })),
    });
    await renderAt('/itsm/surveys/respond?survey=SUR-1', api);
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Survey' }),
    ).not.toBeInTheDocument();
  });

  it('says when there is no invitation', async () => {
    const api = mockItsmApi({
      listSurveyInvitations: jest.fn(async () => ({ items: [] })),
    });
    await renderAt('/itsm/surveys/respond?survey=SUR-9', api);
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText(/no invitation to answer SUR-9/),
    ).toBeInTheDocument();
  });
});
