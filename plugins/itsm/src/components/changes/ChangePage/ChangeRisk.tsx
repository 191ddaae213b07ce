import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { RiskChip } from '../ChangeBadges';
import { ConflictsList } from '../ChangeConflicts';

/** The risk with its reasons, and the conflicts of the change's window. */
export function ChangeRisk(props: { change: Change }) {
  const { change } = props;
  return (
    <InfoCard title="Risk and conflicts">
      <RiskChip risk={change.risk} />
      {change.riskReasons.length > 0 ? (
        <ul
          aria-label="Risk reasons"
          style={{ margin: '8px 0', paddingLeft: 20 }}
        >
          {change.riskReasons.map(reason => (
            <li key={reason}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No risk reasons recorded.
        </Typography>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">Conflicts</Typography>
        <ConflictsList conflicts={change.conflicts} />
      </Box>
    </InfoCard>
  );
}
