import { Component } from 'react';
import { MarkdownContent } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

interface MarkdownProps {
  /** Markdown written by a user. */
  content: string;
}

/**
 * Markdown a user wrote, as Backstage's `MarkdownContent` renders it (raw HTML sanitized).
 * Some raw HTML makes that renderer throw — an unclosed `<svg>` block before an inline `<img>`
 * gives the image children — and would take the whole card down for every reader; then the
 * text is shown as typed instead.
 */
export class Markdown extends Component<MarkdownProps, { failed: boolean }> {
  static getDerivedStateFromError() {
    return { failed: true };
  }

  state = { failed: false };

  componentDidUpdate(previous: MarkdownProps) {
    if (this.state.failed && previous.content !== this.props.content) {
      this.setState({ failed: false });
    }
  }

  render() {
    if (this.state.failed) {
      return (
        <Typography
          variant="body2"
          component="div"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {this.props.content}
        </Typography>
      );
    }
    return <MarkdownContent content={this.props.content} />;
  }
}
