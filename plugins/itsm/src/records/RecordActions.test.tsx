import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import TextField from '@material-ui/core/TextField';
import { renderInItsmApp } from '../__testUtils__/fixtures';
import { ItsmClient } from '../api';
import {
  RecordActions,
  RecordEditDialog,
  RecordTransitionDialog,
  defineRecordKind,
  useVersionedWrite,
  type RecordDialogProps,
} from '.';

interface Item {
  id: string;
  version: number;
  status: string;
  title: string;
}

// A practice as small as can be: generic API methods, a title to edit, moves that ask nothing.
const itemKind = defineRecordKind<Item, { title: string }, { to: string }>({
  collection: 'incidents',
  noun: 'incident',
  idPrefixes: ['INC'],
  historyLabels: {},
});

function MoveDialog(props: RecordDialogProps<Item> & { to: string }) {
  const write = useVersionedWrite(itemKind, props);
  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={e => {
        e.preventDefault();
        write.transition({ to: props.to });
      }}
      label={`Move to ${props.to}`}
      to={props.to}
      formatStatus={status => status}
    />
  );
}

function EditDialog(props: RecordDialogProps<Item>) {
  const write = useVersionedWrite(itemKind, props);
  const [title, setTitle] = useState(props.record.title);
  return (
    <RecordEditDialog
      write={write}
      onSubmit={e => {
        e.preventDefault();
        write.patch({ title });
      }}
      titleId="itsm-test-edit"
    >
      <TextField
        id="itsm-test-title"
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
      />
    </RecordEditDialog>
  );
}

function response(status: number, body: object): Response {
  // Errors come as the backend sends them: Backstage error JSON with the response status.
  const text = JSON.stringify(
    'error' in body ? { ...body, response: { statusCode: status } } : body,
  );
  return {
    ok: status < 300,
    status,
    statusText: String(status),
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as Response;
}

const stale = {
  error: { name: 'PreconditionFailedError', message: 'Version 4 is stale' },
};

/** The page: holds the record; "reload" reads version 5 as someone else left it. */
function Page(props: {
  initial: Item;
  onChange: (item: Item) => void;
  quietMoves?: string[];
  testIdPrefix?: string;
}) {
  const [item, setItem] = useState(props.initial);
  return (
    <RecordActions
      kind={itemKind}
      record={item}
      moves={[
        { to: 'done', label: 'Finish' },
        { to: 'archived', label: 'Archive', blockedBecause: 'Finish it first' },
        { to: 'cancelled', label: 'Cancel it' },
      ]}
      editable={item.status !== 'done'}
      onChange={next => {
        setItem(next);
        props.onChange(next);
      }}
      onReload={() => setItem({ ...item, version: 5, title: 'Theirs' })}
      TransitionDialog={MoveDialog}
      EditDialog={EditDialog}
      quietMoves={props.quietMoves}
      testIdPrefix={props.testIdPrefix}
    />
  );
}

function render(
  answers: Response[],
  options: { quietMoves?: string[]; testIdPrefix?: string } = {},
) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => {
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  });
  const api = new ItsmClient({
    discoveryApi: { getBaseUrl: async () => '/api/itsm' },
    fetchApi: { fetch: fetch as any },
  });
  const onChange = jest.fn();
  const item = { id: 'INC-7', version: 4, status: 'open', title: 'Mine' };
  return {
    fetch,
    onChange,
    rendered: renderInItsmApp(
      <Page initial={item} onChange={onChange} {...options} />,
      { api },
    ),
  };
}

const toolbar = () =>
  within(screen.getByRole('toolbar', { name: 'Incident actions' }));

describe('RecordActions', () => {
  it('offers one button per move, a blocked one disabled, and Edit while editable', async () => {
    await render([]).rendered;
    expect(
      toolbar()
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Finish', 'Archive', 'Cancel it', 'Edit']);
    expect(toolbar().getByRole('button', { name: 'Archive' })).toBeDisabled();
    // A cancellation is the quieter outline; the others are contained.
    expect(toolbar().getByRole('button', { name: 'Cancel it' })).toHaveClass(
      'MuiButton-outlined',
    );
    expect(toolbar().getByRole('button', { name: 'Finish' })).toHaveClass(
      'MuiButton-contained',
    );
    expect(
      toolbar().getByRole('button', { name: 'Finish' }),
    ).not.toHaveAttribute('data-testid');
  });

  it("takes the practice's quiet moves and a test-id prefix", async () => {
    await render([], {
      quietMoves: ['archived'],
      testIdPrefix: 'item-transition',
    }).rendered;
    expect(screen.getByTestId('item-transition-archived')).toHaveClass(
      'MuiButton-outlined',
    );
    expect(screen.getByTestId('item-transition-cancelled')).toHaveClass(
      'MuiButton-contained',
    );
    expect(screen.getByTestId('item-transition-done')).toHaveTextContent(
      'Finish',
    );
  });

  it('moves the record with its version as If-Match and takes the answer', async () => {
    const moved = { id: 'INC-7', version: 5, status: 'done', title: 'Mine' };
    const { fetch, onChange, rendered } = render([response(200, moved)]);
    await rendered;

    await userEvent.click(toolbar().getByRole('button', { name: 'Finish' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Move to done: INC-7',
    });
    expect(dialog).toHaveTextContent('open → done');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Move to done' }),
    );

    await waitFor(() => expect(onChange).toHaveBeenCalledWith(moved));
    expect(fetch).toHaveBeenCalledWith(
      '/api/itsm/incidents/INC-7/transitions',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-Match': '"4"' },
        body: '{"to":"done"}',
      },
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // A done record is no longer editable.
    expect(
      toolbar().queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });
});

describe('RecordTransitionDialog', () => {
  it("shows the server's words of a refused move and stays open", async () => {
    const { onChange, rendered } = render([
      response(409, {
        error: { name: 'ConflictError', message: 'It is already done' },
      }),
    ]);
    await rendered;
    await userEvent.click(toolbar().getByRole('button', { name: 'Cancel it' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Move to cancelled' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Not allowed now: It is already done',
    );
    expect(onChange).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Back' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });
});

describe('RecordEditDialog', () => {
  it('sends the edit with the version it was opened at', async () => {
    const saved = { id: 'INC-7', version: 5, status: 'open', title: 'Mine!' };
    const { fetch, onChange, rendered } = render([response(200, saved)]);
    await rendered;
    await userEvent.click(toolbar().getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit INC-7' });
    await userEvent.type(within(dialog).getByLabelText('Title'), '!');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onChange).toHaveBeenCalledWith(saved));
    expect(fetch).toHaveBeenCalledWith('/api/itsm/incidents/INC-7', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"4"' },
      body: '{"title":"Mine!"}',
    });
  });

  it('offers a reload after a 412 and then writes against the reloaded version', async () => {
    const saved = { id: 'INC-7', version: 6, status: 'open', title: 'Mine!' };
    const { fetch, onChange, rendered } = render([
      response(412, stale),
      response(200, saved),
    ]);
    await rendered;
    await userEvent.click(toolbar().getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit INC-7' });
    await userEvent.type(within(dialog).getByLabelText('Title'), '!');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this incident');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload' }),
    );
    await waitFor(() =>
      expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument(),
    );

    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(saved));
    expect(fetch.mock.calls.map(call => call[1]?.headers)).toEqual([
      { 'Content-Type': 'application/json', 'If-Match': '"4"' },
      { 'Content-Type': 'application/json', 'If-Match': '"5"' },
    ]);
  });
});
