import { screen } from '@testing-library/react';
import { mockItsmApi, renderForEntity } from '../../../__testUtils__/fixtures';
import { ENTITY, makeFigures } from '../__testUtils__/satisfactionFixtures';
import { SatisfactionSummary } from './SatisfactionSummary';

describe('SatisfactionSummary', () => {
  it('shows CSAT of 90 days with its n and a too-few note', async () => {
    const api = mockItsmApi({
      getSatisfactionSummary: jest.fn(async () => ({
        entityRef: ENTITY,
        from: '2026-11-03T00:00:00.000Z',
        to: '2027-02-01T00:00:00.000Z',
        figures: makeFigures({
          csatPercent: 66.66666,
          ratings: 3,
          tooFew: true,
        }),
      })),
    });
    await renderForEntity(<SatisfactionSummary entityRef={ENTITY} />, { api });
    const group = await screen.findByRole('group', {
      name: 'CSAT (90 days): 66.7%',
    });
    expect(group).toHaveTextContent(
      `n = 3 · too few responses (< 5) · NPS +20 (n = ${
        makeFigures().npsAnswers
      })`,
    );
    expect(api.getSatisfactionSummary).toHaveBeenCalledWith({
      entityRef: ENTITY,
    });
  });

  it('shows nothing to a caller who may not read it', async () => {
    const api = mockItsmApi({
      getSatisfactionSummary: jest.fn(async () => {
        throw new Error('Not allowed: itsm.sla.read');
      }),
    });
    const { container } = await renderForEntity(
      <SatisfactionSummary entityRef={ENTITY} />,
      { api },
    );
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(container).toBeEmptyDOMElement();
  });
});
