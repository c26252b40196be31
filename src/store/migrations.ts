/** Where the generated SQL migrations live (drizzle/ at the package root; see docs/database.md). */
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
