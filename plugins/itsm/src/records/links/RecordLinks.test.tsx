import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RecordLink } from '@backstage-itsm/plugin-itsm-common';
import {
  mockItsmApi,
  notFound,
  renderInItsmApp,
  responseError,
} from '../../__testUtils__/fixtures';
import type { ItsmApi } from '../../api';
import { defineRecordKind } from '../RecordKind';
import { RecordLinks } from './RecordLinks';

const kind = defineRecordKind({
  collection: 'incidents',
  noun: 'incident',
  idPrefixes: ['INC'],
  historyLabels: {},
});

const causedBy: RecordLink = {
  id: 'lnk-1',
  from: 'INC-7',
  to: 'CHG-3',
  relation: 'caused_by',
  direction: 'outgoing',
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'user:default/alice',
};

const duplicate: RecordLink = {
  id: 'lnk-2',
  from: 'INC-9',
  to: 'INC-7',
  relation: 'duplicates',
  direction: 'incoming',
  createdAt: '2026-11-02T10:00:00.000Z',
  createdBy: 'user:default/bob',
};

function render(api: ItsmApi) {
  return renderInItsmApp(<RecordLinks kind={kind} id="INC-7" />, { api });
}

describe('RecordLinks', () => {
  it('lists the links made on the record and on the other', async () => {
    const api = mockItsmApi({
      listLinks: jest.fn(async () => ({
        items: [causedBy, duplicate],
        nextCursor: null,
      })),
    });
    await render(api);
    const list = await screen.findByRole('list', { name: 'Links of INC-7' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('caused by CHG-3');
    expect(items[1]).toHaveTextContent('INC-9 duplicates this');
    expect(api.listLinks).toHaveBeenCalledWith({
      collection: 'incidents',
      id: 'INC-7',
      cursor: undefined,
    });
  });

  it('says when there are none', async () => {
    await render(mockItsmApi());
    expect(await screen.findByText('No linked records.')).toBeInTheDocument();
  });

  it('adds a link by id and relation and reloads the list', async () => {
    const listLinks = jest
      .fn()
      .mockResolvedValueOnce({ items: [], nextCursor: null })
      .mockResolvedValue({ items: [causedBy], nextCursor: null });
    const api = mockItsmApi({
      listLinks,
      addLink: jest.fn(async () => causedBy),
    });
    await render(api);
    await screen.findByText('No linked records.');

    await userEvent.selectOptions(
      screen.getByLabelText('Relation'),
      'caused_by',
    );
    await userEvent.type(screen.getByLabelText('Record id'), 'x-1');
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    expect(
      await screen.findByText('A record id like INC-7 or CHG-3'),
    ).toBeInTheDocument();
    expect(api.addLink).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Record id'));
    await userEvent.type(screen.getByLabelText('Record id'), 'chg-3');
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));

    await waitFor(() =>
      expect(api.addLink).toHaveBeenCalledWith({
        collection: 'incidents',
        id: 'INC-7',
        link: { to: 'CHG-3', relation: 'caused_by' },
      }),
    );
    expect(await screen.findByText(/caused by CHG-3/)).toBeInTheDocument();
    expect(screen.getByLabelText('Record id')).toHaveValue('');
  });

  it("shows the server's words when a link is refused", async () => {
    const api = mockItsmApi({
      addLink: jest.fn(async () => {
        throw await responseError({
          status: 409,
          statusText: 'Conflict',
          name: 'ConflictError',
          message: 'INC-7 is already linked to CHG-3',
        });
      }),
    });
    await render(api);
    await screen.findByText('No linked records.');
    await userEvent.type(screen.getByLabelText('Record id'), 'CHG-3');
    await userEvent.click(screen.getByRole('button', { name: 'Add link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not allowed now: INC-7 is already linked to CHG-3',
    );
  });

  it('removes a link and reloads the list', async () => {
    const listLinks = jest
      .fn()
      .mockResolvedValueOnce({ items: [causedBy], nextCursor: null })
      .mockResolvedValue({ items: [], nextCursor: null });
    const api = mockItsmApi({
      listLinks,
      removeLink: jest.fn(async () => undefined),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Remove link to CHG-3' }),
    );
    await waitFor(() =>
      expect(api.removeLink).toHaveBeenCalledWith({
        collection: 'incidents',
        id: 'INC-7',
        linkId: 'lnk-1',
      }),
    );
    expect(await screen.findByText('No linked records.')).toBeInTheDocument();
  });

  it('shows nothing where the API has no links (404)', async () => {
    const api = mockItsmApi({
      listLinks: jest.fn(async () => {
        throw await notFound('Not found');
      }),
    });
    await render(api);
    await waitFor(() => expect(api.listLinks).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByText('Linked records')).not.toBeInTheDocument(),
    );
  });
});
