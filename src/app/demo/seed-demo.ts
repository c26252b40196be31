/**
 * Demo data for a first start: a fictional county 示范县 with a few departments, accounts for every role
 * and 2023 reports at several stages (published, awaiting the bureau, a submitted project form, a draft;
 * departments without a report are late), so a new user sees a working system at once. The report texts
 * are composed for the project; no sentence comes from a real report (test/seed-overlap.test.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Report as ReportDocument } from '../../core/model/index.ts';
import type { Result } from '../../core/result.ts';
import type { Role } from '../../core/workflow.ts';
import { readReport } from '../../formats/read-report.ts';
import { hashPassword } from '../passwords.ts';
import { figuresOf } from '../report-scoring.ts';
import type { Store } from '../store.ts';

export const DEMO_YEAR = 2023;

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`demo data: ${r.code}: ${r.message}`);
  return r.value;
};

const demoDocument = async (name: string): Promise<ReportDocument> => {
  const read = await readReport(await readFile(new URL(`./${name}.txt`, import.meta.url)));
  if (!read.ok) throw new Error(`demo data ${name}: ${read.message}`);
  return read.value;
};

export type DemoAccount = {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  /** Given once, to be printed at the first start. */
  password: string;
};
export type Demo = { countyId: string; accounts: DemoAccount[] };

/**
 * Loads the demo county. Every demo account gets `password`, or, when it is a function, a password of its
 * own from it. The system (null) is the actor.
 */
export const seedDemo = async (store: Store, password: string | (() => string)): Promise<Demo> => {
  const province = must(
    await store.org.createJurisdiction({ name: '示范省', level: 'province', code: '990000' }, null),
  );
  const city = must(
    await store.org.createJurisdiction(
      { name: '示范市', level: 'city', code: '990100', parentId: province.id },
      null,
    ),
  );
  const county = must(
    await store.org.createJurisdiction(
      { name: '示范县', level: 'county', code: '990121', parentId: city.id },
      null,
    ),
  );
  must(
    await store.org.putFiscalYear(
      { jurisdictionId: county.id, year: DEMO_YEAR, deadline: '2024-04-30' },
      null,
    ),
  );
  must(
    await store.org.putFiscalYear(
      { jurisdictionId: county.id, year: DEMO_YEAR + 1, deadline: '2025-04-30' },
      null,
    ),
  );
  const dept = async (name: string, code: string, supervisorId?: string) =>
    must(
      await store.org.createDepartment(
        { name, code, jurisdictionId: county.id, supervisorId: supervisorId ?? null },
        null,
      ),
    );
  const industry = await dept('示范县工业和信息化局', '990121101');
  const agriculture = await dept('示范县农业农村局', '990121102');
  const environment = await dept('示范县生态环境局', '990121103');
  const education = await dept('示范县教育局', '990121104');
  await dept('示范县农业技术推广中心', '990121105', agriculture.id);
  await dept('示范县卫生健康局', '990121106');
  const housing = await dept('示范县住房和城乡建设局', '990121107');

  const shared = typeof password === 'string' ? password : null;
  const sharedHash = shared === null ? null : await hashPassword(shared);
  const accounts: DemoAccount[] = [];
  const user = async (
    username: string,
    displayName: string,
    role: Role,
    scope: { departmentId?: string; jurisdictionId?: string },
    scopeName: string,
  ) => {
    const own = typeof password === 'string' ? password : password();
    const passwordHash = sharedHash ?? (await hashPassword(own));
    const u = must(
      await store.users.createUser({ username, displayName, passwordHash, role, ...scope }, null),
    );
    accounts.push({ username, displayName, role, scope: scopeName, password: shared ?? own });
    return u;
  };
  const bureau = await user(
    'caizheng',
    '示范县财政局 审核员',
    'bureau-reviewer',
    { jurisdictionId: county.id },
    '示范县',
  );
  const ids: Record<string, { preparer: string; reviewer: string }> = {};
  for (const [key, d] of [
    ['gongxin', industry],
    ['nongye', agriculture],
    ['huanjing', environment],
    ['jiaoyu', education],
    ['zhujian', housing],
  ] as const) {
    const preparer = await user(`${key}-tb`, `${d.name} 填报员`, 'preparer', { departmentId: d.id }, d.name);
    const reviewer = await user(
      `${key}-sh`,
      `${d.name} 审核员`,
      'dept-reviewer',
      { departmentId: d.id },
      d.name,
    );
    ids[key] = { preparer: preparer.id, reviewer: reviewer.id };
  }

  const report = async (departmentId: string, name: string, by: string) => {
    const document = await demoDocument(name);
    return must(
      await store.reports.create(
        {
          departmentId,
          year: DEMO_YEAR,
          kind: document.kind,
          projectName: document.kind === 'project' ? (document.project.name?.value ?? null) : null,
          document,
          figures: figuresOf(document),
          summary: '导入示例报告',
        },
        by,
      ),
    ).report;
  };
  const move = async (id: string, path: readonly [string, string, string][]) => {
    for (const [from, to, by] of path)
      must(await store.reports.setStatus({ reportId: id, from: from as 'draft', to: to as 'submitted' }, by));
  };

  // Published: the whole way through.
  const published = await report(industry.id, 'industry-2023', ids.gongxin!.preparer);
  await move(published.id, [
    ['draft', 'submitted', ids.gongxin!.preparer],
    ['submitted', 'dept-approved', ids.gongxin!.reviewer],
    ['dept-approved', 'bureau-approved', bureau.id],
  ]);
  must(
    await store.reports.publish({ reportId: published.id, version: 1, from: 'bureau-approved' }, bureau.id),
  );
  // Waiting for the bureau.
  const waiting = await report(agriculture.id, 'agriculture-2023', ids.nongye!.preparer);
  await move(waiting.id, [
    ['draft', 'submitted', ids.nongye!.preparer],
    ['submitted', 'dept-approved', ids.nongye!.reviewer],
  ]);
  // A project form (项目支出绩效自评表), submitted to the department's reviewer.
  const project = await report(housing.id, 'lighting-project-2023', ids.zhujian!.preparer);
  await move(project.id, [['draft', 'submitted', ids.zhujian!.preparer]]);
  // Still a draft; 教育局 and 卫生健康局 have none (late after the deadline).
  await report(environment.id, 'environment-2023', ids.huanjing!.preparer);
  return { countyId: county.id, accounts };
};
