/**
 * The authorization matrix's rows for batch jobs (/api/jobs): the bureau and admins submit and watch
 * their jurisdiction's jobs; department roles may not; a job of another county does not exist for them.
 */
import { readFileSync } from 'node:fs';
import type { Call, Row } from './authorization-matrix.ts';
import type { ActorName, Served } from './harness.ts';

const report = () => readFileSync(new URL('../../src/app/demo/agriculture-2023.txt', import.meta.url));

/** A job of the county's bureau, stored directly (no queue needed to see it). */
const countyJob = async (s: Served): Promise<string> =>
  (
    await s.db.store.jobs.create(
      {
        kind: 'audit',
        name: '县报告.zip',
        files: [{ name: 'a.txt', bytes: report() }],
        chunkSize: 10,
        jurisdictionId: s.org.county,
      },
      s.org.users.bureau.id,
    )
  ).job.id;

const upload = async (): Promise<Call> => {
  const form = new FormData();
  form.append('file', new File([report()], 'a.txt'));
  form.append('file', new File([report()], 'b.txt'));
  return { path: '/api/jobs', form };
};

const BUREAU_ONLY = (allowed: number): Record<ActorName, number> => ({
  public: 401,
  prepA: 403,
  revA: 403,
  prepB: 403,
  bureau: allowed,
  bureauOther: allowed,
  admin: allowed,
});
/** The county's job: its bureau and the admin above see it; the other county's bureau does not. */
const COUNTY_JOB = { ...BUREAU_ONLY(200), bureauOther: 404 };

export const JOB_MATRIX: Row[] = [
  { method: 'GET', route: '/api/jobs', call: async () => ({ path: '/api/jobs' }), expect: BUREAU_ONLY(200) },
  { method: 'POST', route: '/api/jobs', call: upload, expect: BUREAU_ONLY(201) },
  {
    method: 'GET',
    route: '/api/jobs/{id}',
    call: async (s) => ({ path: `/api/jobs/${await countyJob(s)}` }),
    expect: COUNTY_JOB,
  },
  {
    method: 'GET',
    route: '/api/jobs/{id}/results.csv',
    call: async (s) => ({ path: `/api/jobs/${await countyJob(s)}/results.csv` }),
    expect: COUNTY_JOB,
  },
];
