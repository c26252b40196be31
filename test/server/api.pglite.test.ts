/** The API suite on the embedded database (one in-memory PGlite for the whole file). */
import { describe } from 'vitest';
import { apiSuite } from './api-suite.ts';

describe('API on PGlite', () => apiSuite('pglite'));
