import { render, screen, within } from '@testing-library/react';
import Grid from '@material-ui/core/Grid';
import { Instant, RecordHeader } from './RecordHeader';

const record = { id: 'CHG-3', version: 4, title: 'Rotate the keys' };

describe('RecordHeader', () => {
  it('shows the id and version above the title, the badges and the facts', () => {
    render(
      <RecordHeader
        record={record}
        overline=" · plan revision 2"
        badges={<span>Approved</span>}
        badgesTestId="itsm-change-status"
      >
        <Grid item>Requested by jane</Grid>
      </RecordHeader>,
    );
    const header = screen.getByRole('banner');
    expect(
      within(header).getByText('CHG-3 · version 4 · plan revision 2'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Rotate the keys' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('itsm-change-status')).toHaveTextContent(
      'Approved',
    );
    expect(header).toHaveTextContent('Requested by jane');
  });

  it('is a second-level heading inside another page', () => {
    render(
      <RecordHeader record={record} headingComponent="h2" badges={null}>
        {null}
      </RecordHeader>,
    );
    expect(
      screen.getByRole('heading', { level: 2, name: 'Rotate the keys' }),
    ).toBeInTheDocument();
  });
});

describe('Instant', () => {
  it('reads relative to now, the date and time on hover', () => {
    const at = new Date(Date.now() - 5 * 60 * 60 * 1000).toISOString();
    render(<Instant at={at} />);
    expect(screen.getByText('5h ago')).toHaveAttribute(
      'title',
      new Date(at).toLocaleString(),
    );
  });
});
