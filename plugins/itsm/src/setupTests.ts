import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The whole repo's suites run in parallel on small CI machines (2 cores), where rendering a
// page with its lazy extensions can take seconds: give async queries and tests room.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
