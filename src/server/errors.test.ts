import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../app/store.ts';
import { createApp } from './app.ts';

describe('an unexpected error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a 500 in the one error shape, logged once, without the data of the failed query', async () => {
    const secret = '{"kind":"department","unit":"某局的报告正文"}';
    const cause = Object.assign(new Error('value "2147483648" is out of range for type integer'), {
      code: '22003',
    });
    const failing = {
      reports: {
        listPublished: async () => {
          throw new Error(`Failed query: select "report_id" from "publications"\nparams: ${secret}`, {
            cause,
          });
        },
      },
    } as unknown as Store;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await createApp({ store: failing, webDir: null }).request('/api/public/reports');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('internal');
    expect(JSON.stringify(body)).not.toContain('select');
    expect(logged).toHaveBeenCalledTimes(1);
    const line = logged.mock.calls[0]!.map(String).join(' ');
    expect(line).toContain('500 GET /api/public/reports');
    expect(line).toContain('[22003]');
    expect(line).not.toContain('某局的报告正文');
  });
});
