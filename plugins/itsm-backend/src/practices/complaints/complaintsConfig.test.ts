import { ConfigReader } from '@backstage/config';
import { readItsmConfig } from '../../config';

const read = (complaints?: object) =>
  readItsmConfig(new ConfigReader(complaints ? { itsm: { complaints } } : {}))
    .complaints;

describe('itsm.complaints', () => {
  it('escalates after 5 days to the service owner by default', () => {
    expect(read()).toEqual({ escalationDays: 5, escalationGroup: null });
  });

  it('reads the days and the group, as a lowercase group ref', () => {
    expect(
      read({ escalationDays: 2, escalationGroup: 'Complaint-Desk' }),
    ).toEqual({
      escalationDays: 2,
      escalationGroup: 'group:default/complaint-desk',
    });
  });

  it.each([0, 1.5, -3])('refuses %p days, naming the key', days => {
    expect(() => read({ escalationDays: days })).toThrow(
      /itsm\.complaints\.escalationDays/,
    );
  });
});
