/** The 附件 rows of the OpenAPI route table (openapi.ts spreads them into ROUTES). */
import type { z } from 'zod';
import type { Role } from '../core/workflow.ts';
import * as A from './attachment-schemas.ts';

/** The part of openapi.ts's RouteSpec these rows use (written here, so the two files do not import each other). */
type AttachmentRouteSpec = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  access: readonly ('public' | 'signed-in' | Role)[];
  body?: z.ZodType;
  form?: z.ZodObject;
  created?: true;
  download?: boolean;
};

export const ATTACHMENT_ROUTES: readonly AttachmentRouteSpec[] = [
  {
    method: 'get',
    path: '/api/public/reports/{id}/versions/{version}/attachments',
    summary: '随该版本公开的附件 (attachments published with the version)',
    access: ['public'],
  },
  {
    method: 'get',
    path: '/api/public/reports/{id}/versions/{version}/attachments/{aid}',
    summary: '下载公开附件 (download a published attachment)',
    access: ['public'],
    download: true,
  },
  {
    method: 'get',
    path: '/api/reports/{id}/attachments',
    summary: '附件列表与大小上限 (attachments and the size limits)',
    access: ['signed-in'],
  },
  {
    method: 'post',
    path: '/api/reports/{id}/attachments',
    created: true,
    summary: '上传附件：决算报表、佐证材料、调整文件 (pdf docx xlsx doc xls wps jpg png zip ofd; 20 MB)',
    access: ['preparer'],
    form: A.AttachmentForm,
  },
  {
    method: 'get',
    path: '/api/reports/{id}/attachments/{aid}',
    summary: '下载附件 (download an attachment)',
    access: ['signed-in'],
    download: true,
  },
  {
    method: 'delete',
    path: '/api/reports/{id}/attachments/{aid}',
    summary: '删除附件（草稿或被退回时）(delete while editable)',
    access: ['preparer'],
  },
  {
    method: 'put',
    path: '/api/reports/{id}/attachments/{aid}/public',
    summary: '选择随报告公开 (the bureau chooses what is published)',
    access: ['bureau-reviewer'],
    body: A.AttachmentPublicBody,
  },
];
