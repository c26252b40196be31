/** What the contract's parts share: the target under test, unique names, a fresh organisation tree. */
import type { Result } from '../../../src/core/result.ts';
import type { Store } from '../../../src/store/port.ts';

export type ContractTarget = {
  store: Store;
  /** Raw SQL past the port, to prove the database itself refuses what the port never offers. */
  exec: (sql: string) => Promise<unknown>;
  cleanup: () => Promise<void>;
};

export type Fixture = {
  store: Store;
  exec: ContractTarget['exec'];
  /** A fresh province → city → county with one department (and its supervisor) and an admin. */
  tree: () => Promise<Tree>;
};
export type Tree = {
  province: string;
  city: string;
  county: string;
  supervisor: string;
  department: string;
  admin: string;
};

/** The value of a result the test expects to succeed; a failure fails the test with its code. */
export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.value;
};

let seq = 0;
export const uniq = (p: string): string => `${p}-${process.pid}-${Date.now().toString(36)}-${seq++}`;

export const makeTree = async (store: Store): Promise<Tree> => {
  const province = unwrap(await store.org.createJurisdiction({ name: uniq('省'), level: 'province' }, null));
  const city = unwrap(
    await store.org.createJurisdiction({ name: '示例市', level: 'city', parentId: province.id }, null),
  );
  const county = unwrap(
    await store.org.createJurisdiction({ name: '示例县', level: 'county', parentId: city.id }, null),
  );
  const supervisor = unwrap(
    await store.org.createDepartment({ name: '示例县农业农村局', jurisdictionId: county.id }, null),
  );
  const department = unwrap(
    await store.org.createDepartment(
      { name: '示例县农业技术推广中心', jurisdictionId: county.id, supervisorId: supervisor.id },
      null,
    ),
  );
  const admin = unwrap(
    await store.users.createUser(
      {
        username: uniq('admin'),
        displayName: '管理员',
        passwordHash: 'x',
        role: 'admin',
        jurisdictionId: county.id,
      },
      null,
    ),
  );
  return {
    province: province.id,
    city: city.id,
    county: county.id,
    supervisor: supervisor.id,
    department: department.id,
    admin: admin.id,
  };
};
