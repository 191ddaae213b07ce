import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { Markdown } from './Markdown';

describe('Markdown', () => {
  it('renders Markdown and drops script, event handlers and javascript: links', async () => {
    const { container } = await renderInTestApp(
      <Markdown
        content={[
          'Fixed the **gateway**.',
          '<img src=x onerror=alert(1)>',
          '<script>alert(2)</script>',
          '[click](javascript:alert(3))',
          '<a href="javascript:alert(4)">x</a>',
          '<iframe src="javascript:alert(5)"></iframe>',
        ].join('\n\n')}
      />,
    );

    expect(await screen.findByText('gateway')).toContainHTML(
      '<strong>gateway</strong>',
    );
    expect(container.querySelector('script, iframe, img[onerror]')).toBeNull();
    for (const a of Array.from(container.querySelectorAll('a[href]'))) {
      expect(a.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
    }
  });

  it('shows the text as typed where the renderer throws, not an error for the whole card', async () => {
    // An unclosed <svg> block puts the later <img> in SVG, where it takes the text as children.
    const content =
      '<svg onload=alert(6)>\n\n<img src=x onerror=alert(1)> "><img src=x onerror=alert(7)>';
    // React reports the error it caught.
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation(() => {});
    const { container } = await renderInTestApp(
      <section aria-label="Work note">
        <Markdown content={content} />
      </section>,
    );

    const note = await screen.findByRole('region', { name: 'Work note' });
    expect(note).toHaveTextContent(
      '<svg onload=alert(6)> <img src=x onerror=alert(1)> "><img src=x onerror=alert(7)>',
    );
    expect(container.querySelector('svg[onload], img')).toBeNull();
    consoleError.mockRestore();
  });
});
