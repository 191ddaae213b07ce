import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import { describeEvents } from '../../../records';
import { reviewHistoryLabels } from './reviewKind';

const describer = describeEvents([reviewHistoryLabels]);
const event = (
  action: string,
  changes: HistoryEvent['changes'],
): HistoryEvent => ({
  version: 4,
  at: '2027-01-15T11:00:00.000Z',
  actor: 'user:default/olivia',
  action,
  changes,
});

describe('reviewHistoryLabels', () => {
  it('reads an added action as its key, title, owner and due date', () => {
    expect(
      describer.changeLines(
        event('action-added', {
          'actions.A-2': [
            null,
            {
              title: 'Raise pool',
              owner: 'user:default/olivia',
              dueDate: '2027-03-01',
            },
          ],
        }),
      ),
    ).toEqual([
      {
        field: 'actions.A-2',
        text: 'A-2: Raise pool, owner olivia, due 2027-03-01',
      },
    ]);
    expect(describer.actionLabel('action-added')).toBe('Action added');
  });

  it('reads a moved action field by field in words', () => {
    expect(
      describer
        .changeLines(
          event('action-updated', {
            'actions.A-2.status': ['in_progress', 'done'],
            'actions.A-2.dueDate': ['2027-03-01', '2027-04-01'],
          }),
        )
        .map(line => line.text),
    ).toEqual([
      'A-2 status: In progress → Done',
      'A-2 due date: 2027-03-01 → 2027-04-01',
    ]);
  });

  it('reads agenda, decisions, status and the frozen pack in words', () => {
    expect(
      describer
        .changeLines(
          event('update', {
            agenda: [[], [{ title: 'Performance' }, { title: 'Actions' }]],
            decisions: [[], [{ text: 'Raise the pool' }]],
            status: ['prepared', 'held'],
          }),
        )
        .map(line => line.text),
    ).toEqual([
      'agenda: — → Performance; Actions',
      'decisions: — → Raise the pool',
      'status: Prepared → Held',
    ]);
    expect(describer.actionLabel('pack-refrozen')).toBe('Pack frozen again');
    expect(describer.fieldLabel('packHash')).toBe('pack hash');
  });
});
