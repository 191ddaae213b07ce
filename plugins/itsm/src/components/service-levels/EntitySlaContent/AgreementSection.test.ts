import type { ServiceLevelAgreement } from '@backstage-itsm/plugin-itsm-common';
import { revisionStatus } from './AgreementSection';

const sla = (fields: Partial<ServiceLevelAgreement>) =>
  ({
    revision: 2,
    effectiveFrom: '2026-11-01T00:00:00.000Z',
    effectiveTo: null,
    ...fields,
  } as ServiceLevelAgreement);

describe('revisionStatus', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('names the latest revision when it is in force', () => {
    expect(revisionStatus(sla({}), now)).toBe('Revision 2 in force');
  });

  it('says when a revision agreed for later takes over', () => {
    expect(
      revisionStatus(sla({ effectiveFrom: '2027-01-01T00:00:00.000Z' }), now),
    ).toMatch(
      /^Revision 2 takes effect on .*2027.*; revision 1 is in force until then$/,
    );
    expect(
      revisionStatus(
        sla({ revision: 1, effectiveFrom: '2027-01-01T00:00:00.000Z' }),
        now,
      ),
    ).toMatch(/^Takes effect on .*2027/);
  });

  it('says when the agreement has ended', () => {
    expect(
      revisionStatus(sla({ effectiveTo: '2026-11-15T00:00:00.000Z' }), now),
    ).toMatch(/^Revision 2 ended on /);
  });
});
