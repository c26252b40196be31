/**
 * The built-in frameworks (frameworks/*.json), checked when this module loads: a broken built-in file is
 * a bug of ours, so it throws here rather than scoring reports wrongly. Importable by the browser too.
 */
import yangxi2024 from '../../../frameworks/guangdong-yangxi-2024-department.json' with { type: 'json' };
import hunan2020 from '../../../frameworks/hunan-2020-department.json' with { type: 'json' };
import mof2013 from '../../../frameworks/mof-2013-department.json' with { type: 'json' };
import mof2020 from '../../../frameworks/mof-2020-project.json' with { type: 'json' };
import ningxia2021 from '../../../frameworks/ningxia-2021-project.json' with { type: 'json' };
import sichuan2017 from '../../../frameworks/sichuan-2017-department.json' with { type: 'json' };
import sichuan2017Project from '../../../frameworks/sichuan-2017-project.json' with { type: 'json' };
import sichuan2023 from '../../../frameworks/sichuan-2023-project.json' with { type: 'json' };
import type { Framework } from './schema.ts';
import { validateFramework } from './validate.ts';

const load = (data: unknown): Framework => {
  const r = validateFramework(data);
  if (!r.ok) throw new Error(`built-in framework is broken: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.framework;
};

/** Those of a region come before the national ones, so that a tie in fit goes to the region's. */
export const BUILTIN_FRAMEWORKS: readonly Framework[] = [
  yangxi2024,
  mof2020,
  sichuan2023,
  mof2013,
  hunan2020,
  sichuan2017,
  sichuan2017Project,
  ningxia2021,
].map(load);

export const builtinFramework = (id: string): Framework | undefined =>
  BUILTIN_FRAMEWORKS.find((f) => f.id === id);
