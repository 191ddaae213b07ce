import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { RequestChangeForm } from './RequestChangeForm';
import { useOpenChange } from './useOpenChange';

/** `/itsm/changes/new`: "Request a change" as a page; `?entityRef=` (repeatable) prefills. */
export function RequestChangePage() {
  const [params] = useSearchParams();
  const openChange = useOpenChange();
  return (
    <Box p={3}>
      <Typography variant="h4" component="h1" gutterBottom>
        Request a change
      </Typography>
      <RequestChangeForm
        entityRefs={params.getAll('entityRef')}
        onDone={change => openChange?.(change)}
      />
    </Box>
  );
}
