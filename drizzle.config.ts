/** `npx drizzle-kit generate` writes SQL migrations from src/store/schema to drizzle/ (docs/database.md). */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema/index.ts',
  out: './drizzle',
  strict: true,
});
