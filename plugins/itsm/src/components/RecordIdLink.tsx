import { parseRecordId } from '@backstage-itsm/plugin-itsm-common';
import { ChangeLink } from './changes/ChangeLink';
import { IncidentLink } from './incidents/IncidentLink';
import { KnownErrorLink, ProblemLink } from './problems/ProblemLink';
import { ComplaintLink } from './complaints/ComplaintLink';
import { ReviewLink } from './reviews/ReviewLink';
import { ImprovementLink } from './improvements/ImprovementLink';

/** Another record's id, linked to its page where the plugin has one (incidents, changes, problems, known errors, complaints, reviews, improvements). */
export function RecordIdLink(props: { id: string }) {
  switch (parseRecordId(props.id)?.prefix) {
    case 'INC':
      return <IncidentLink id={props.id} />;
    case 'CHG':
      return <ChangeLink id={props.id} />;
    case 'PRB':
      return <ProblemLink id={props.id} />;
    case 'KE':
      return <KnownErrorLink id={props.id} />;
    case 'CMP':
      return <ComplaintLink id={props.id} />;
    case 'REV':
      return <ReviewLink id={props.id} />;
    case 'IMP':
      return <ImprovementLink id={props.id} />;
    default:
      return <>{props.id}</>;
  }
}

/** For `RecordLinks`' `renderId`. */
export const renderRecordId = (id: string) => <RecordIdLink id={id} />;
