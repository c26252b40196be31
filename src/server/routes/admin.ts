/** Organisation, accounts and frameworks (管理员); listing what one's scope holds is open to everyone signed in. */
import { Hono } from 'hono';
import { canSeeJurisdiction } from '../../app/access.ts';
import {
  addDepartment,
  addJurisdiction,
  listDepartments,
  listJurisdictions,
  putFiscalYear,
  updateDepartment,
  updateJurisdiction,
} from '../../app/departments-admin.ts';
import { addFramework, importScoreSheetUpload, listFrameworks } from '../../app/frameworks-admin.ts';
import { backupFileName, onlineBackup } from '../../app/online-backup.ts';
import { addUser, listUsers, resetPassword, updateAccount } from '../../app/users-admin.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { LIMITS, limit, me, send } from '../respond.ts';
import {
  DepartmentListQuery,
  DepartmentPatchBody,
  FiscalYearBody,
  FrameworkBody,
  IdParam,
  JurisdictionPatchBody,
  NewDepartmentBody,
  NewJurisdictionBody,
  NewUserBody,
  ScoreSheetForm,
  UserPatchBody,
} from '../schemas.ts';
import { zv } from '../validate.ts';
import { download } from './reports.ts';

export const adminRoutes = new Hono<Env>()
  .get('/jurisdictions', async (c) => c.json(await listJurisdictions(c.get('store'), me(c)), 200))
  .post('/jurisdictions', limit(LIMITS.json), zv('json', NewJurisdictionBody), async (c) =>
    send(c, await addJurisdiction(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .patch(
    '/jurisdictions/:id',
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', JurisdictionPatchBody),
    async (c) =>
      send(
        c,
        await updateJurisdiction(c.get('store'), me(c), {
          id: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
      ),
  )
  .get('/departments', zv('query', DepartmentListQuery), async (c) =>
    c.json(await listDepartments(c.get('store'), me(c), c.req.valid('query').jurisdictionId), 200),
  )
  .post('/departments', limit(LIMITS.json), zv('json', NewDepartmentBody), async (c) =>
    send(c, await addDepartment(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .patch(
    '/departments/:id',
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', DepartmentPatchBody),
    async (c) =>
      send(
        c,
        await updateDepartment(c.get('store'), me(c), {
          id: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
      ),
  )
  .get('/fiscal-years', zv('query', DepartmentListQuery), async (c) => {
    const store = c.get('store');
    const user = me(c);
    const jid = c.req.valid('query').jurisdictionId ?? user.jurisdictionId;
    if (!jid || !(user.jurisdictionId ? await canSeeJurisdiction(store, user, jid) : false))
      return c.json([], 200);
    return c.json(await store.org.listFiscalYears(jid), 200);
  })
  .put('/fiscal-years', limit(LIMITS.json), zv('json', FiscalYearBody), async (c) =>
    send(c, await putFiscalYear(c.get('store'), me(c), c.req.valid('json'))),
  )
  .get('/users', async (c) => send(c, await listUsers(c.get('store'), me(c))))
  .post('/users', limit(LIMITS.json), zv('json', NewUserBody), async (c) =>
    send(c, await addUser(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .patch('/users/:id', limit(LIMITS.json), zv('param', IdParam), zv('json', UserPatchBody), async (c) =>
    send(
      c,
      await updateAccount(c.get('store'), me(c), { userId: c.req.valid('param').id, ...c.req.valid('json') }),
    ),
  )
  .post('/users/:id/reset-password', zv('param', IdParam), async (c) =>
    send(c, await resetPassword(c.get('store'), me(c), { userId: c.req.valid('param').id })),
  )
  .get('/admin/backup', async (c) => {
    const r = await onlineBackup(c.get('store'), me(c));
    if (!r.ok) return fail(c, r);
    return download(r.value, 'application/gzip', backupFileName());
  })
  .get('/frameworks', async (c) => c.json(await listFrameworks(c.get('store')), 200))
  .post('/frameworks', limit(LIMITS.document), zv('json', FrameworkBody), async (c) =>
    send(c, await addFramework(c.get('store'), me(c), c.req.valid('json').document), 201),
  )
  .post('/frameworks/import', limit(LIMITS.upload), zv('form', ScoreSheetForm), async (c) => {
    const { file, ...meta } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    return send(
      c,
      await importScoreSheetUpload(me(c), { filename: file.name, bytes, meta }, c.req.raw.signal),
      200,
    );
  });
