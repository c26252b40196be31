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
import { doc } from '../route-doc.ts';
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
  .get(
    '/jurisdictions',
    doc({
      summary: '本人范围内的地区 (jurisdictions in scope)',
      access: ['signed-in'],
      response: 'Jurisdiction[]',
    }),
    async (c) => c.json(await listJurisdictions(c.get('store'), me(c)), 200),
  )
  .post(
    '/jurisdictions',
    doc({
      summary: '新增地区 (add a jurisdiction)',
      access: ['admin'],
      response: 'Jurisdiction',
      created: true,
    }),
    limit(LIMITS.json),
    zv('json', NewJurisdictionBody),
    async (c) => send(c, await addJurisdiction(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .patch(
    '/jurisdictions/:id',
    doc({
      summary: '修改地区名称或编码 (rename a jurisdiction, set its code)',
      access: ['admin'],
      response: 'Jurisdiction',
    }),
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
  .get(
    '/departments',
    doc({
      summary: '本人范围内的单位 (departments in scope)',
      access: ['signed-in'],
      response: 'Department[]',
    }),
    zv('query', DepartmentListQuery),
    async (c) =>
      c.json(await listDepartments(c.get('store'), me(c), c.req.valid('query').jurisdictionId), 200),
  )
  .post(
    '/departments',
    doc({ summary: '新增单位 (add a department)', access: ['admin'], response: 'Department', created: true }),
    limit(LIMITS.json),
    zv('json', NewDepartmentBody),
    async (c) => send(c, await addDepartment(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .patch(
    '/departments/:id',
    doc({
      summary: '修改、移动或停用单位 (change, move or disable a department)',
      access: ['admin'],
      response: 'Department',
    }),
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
  .get(
    '/fiscal-years',
    doc({ summary: '填报年度及截止日期 (reporting years)', access: ['signed-in'] }),
    zv('query', DepartmentListQuery),
    async (c) => {
      const store = c.get('store');
      const user = me(c);
      const jid = c.req.valid('query').jurisdictionId ?? user.jurisdictionId;
      if (!jid || !(user.jurisdictionId ? await canSeeJurisdiction(store, user, jid) : false))
        return c.json([], 200);
      return c.json(await store.org.listFiscalYears(jid), 200);
    },
  )
  .put(
    '/fiscal-years',
    doc({ summary: '设定填报截止日期 (set a deadline)', access: ['admin'] }),
    limit(LIMITS.json),
    zv('json', FiscalYearBody),
    async (c) => send(c, await putFiscalYear(c.get('store'), me(c), c.req.valid('json'))),
  )
  .get('/users', doc({ summary: '用户 (users)', access: ['admin'], response: 'User[]' }), async (c) =>
    send(c, await listUsers(c.get('store'), me(c))),
  )
  .post(
    '/users',
    doc({ summary: '新增用户 (add a user)', access: ['admin'], response: 'User', created: true }),
    limit(LIMITS.json),
    zv('json', NewUserBody),
    async (c) => send(c, await addUser(c.get('store'), me(c), c.req.valid('json')), 201),
  )
  .patch(
    '/users/:id',
    doc({
      summary: '改姓名、重设密码或停用 (rename, set password, disable)',
      access: ['admin'],
      response: 'User',
    }),
    limit(LIMITS.json),
    zv('param', IdParam),
    zv('json', UserPatchBody),
    async (c) =>
      send(
        c,
        await updateAccount(c.get('store'), me(c), {
          userId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
      ),
  )
  .post(
    '/users/:id/reset-password',
    doc({ summary: '重置密码：一次性密码，首次登录须修改 (reset: a one-time password)', access: ['admin'] }),
    zv('param', IdParam),
    async (c) => send(c, await resetPassword(c.get('store'), me(c), { userId: c.req.valid('param').id })),
  )
  .get(
    '/admin/backup',
    doc({
      summary: '下载内置数据库的备份（最上级地区的管理员）(download a backup of the embedded database)',
      access: ['admin'],
    }),
    async (c) => {
      const r = await onlineBackup(c.get('store'), me(c));
      if (!r.ok) return fail(c, r);
      return download(r.value, 'application/gzip', backupFileName());
    },
  )
  .get('/frameworks', doc({ summary: '评分框架 (frameworks)', access: ['signed-in'] }), async (c) =>
    c.json(await listFrameworks(c.get('store')), 200),
  )
  .post(
    '/frameworks',
    doc({
      summary: '新增框架版本；财政局为本辖区 (add a framework version; a bureau for its jurisdiction)',
      access: ['admin', 'bureau-reviewer'],
      created: true,
    }),
    limit(LIMITS.document),
    zv('json', FrameworkBody),
    async (c) => send(c, await addFramework(c.get('store'), me(c), c.req.valid('json').document), 201),
  )
  .post(
    '/frameworks/import',
    doc({
      summary:
        '读取评分表（.xlsx、.docx）为框架草稿并列出问题，不保存 (read a score sheet into a draft with its problems; nothing stored)',
      access: ['admin', 'bureau-reviewer'],
    }),
    limit(LIMITS.upload),
    zv('form', ScoreSheetForm),
    async (c) => {
      const { file, ...meta } = c.req.valid('form');
      const bytes = new Uint8Array(await file.arrayBuffer());
      return send(
        c,
        await importScoreSheetUpload(me(c), { filename: file.name, bytes, meta }, c.req.raw.signal),
        200,
      );
    },
  );
