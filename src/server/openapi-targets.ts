/** The target-cycle rows of the OpenAPI route table (openapi.ts spreads them into ROUTES). */
import type { z } from 'zod';
import type { Role } from '../core/workflow.ts';
import * as T from './target-schemas.ts';

/** The part of openapi.ts's RouteSpec these rows use (written here, so the two files do not import each other). */
type TargetRouteSpec = {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  access: readonly ('public' | 'signed-in' | Role)[];
  query?: z.ZodObject;
  body?: z.ZodType;
  created?: true;
};

export const TARGET_ROUTES: readonly TargetRouteSpec[] = [
  {
    method: 'get',
    path: '/api/targets',
    summary: '绩效目标申报表 (target tables in scope)',
    access: ['signed-in'],
    query: T.TargetListQuery,
  },
  {
    method: 'post',
    path: '/api/targets',
    created: true,
    summary: '新建绩效目标申报表 (declare a target table)',
    access: ['preparer'],
    body: T.CreateTargetBody,
  },
  {
    method: 'get',
    path: '/api/targets/for-report/{id}',
    summary: '自评报告与批复目标的比对 (a report against its approved targets)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/targets/{id}',
    summary: '目标表、审核意见与版本 (a target table with checks, reviews, versions)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/targets/{id}/versions/{version}',
    summary: '目标表的某一版本 (one version)',
    access: ['signed-in'],
  },
  {
    method: 'post',
    path: '/api/targets/{id}/versions',
    created: true,
    summary: '保存新版本或调整 (save the next version, or adjust after approval)',
    access: ['preparer'],
    body: T.SaveTargetBody,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/submit',
    summary: '报送审核 (submit for review)',
    access: ['preparer'],
    body: T.SubmitTargetBody,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/review',
    created: true,
    summary: '目标审核：优/良/中/差 (grade the submitted version)',
    access: ['bureau-reviewer'],
    body: T.ReviewTargetBody,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/supervisor-review',
    created: true,
    summary: '主管部门审核：通过报财政或退回 (the supervising department passes on or returns)',
    access: ['dept-reviewer'],
    body: T.SupervisorReviewBody,
  },
  {
    method: 'post',
    path: '/api/targets/{id}/publish',
    created: true,
    summary: '公开批复的版本 (publish the approved version)',
    access: ['bureau-reviewer'],
    body: T.PublishTargetBody,
  },
  {
    method: 'get',
    path: '/api/targets/review-chain',
    summary: '目标审核流程（本地区所用及可选） (the review chain in force)',
    access: ['bureau-reviewer', 'admin'],
    query: T.ReviewChainQuery,
  },
  {
    method: 'put',
    path: '/api/targets/review-chain',
    summary: '选择本地区的目标审核流程 (choose the review chain)',
    access: ['bureau-reviewer', 'admin'],
    body: T.ReviewChainBody,
  },
  {
    method: 'get',
    path: '/api/public/targets',
    summary: '已公开的绩效目标表 (published target tables)',
    access: ['public'],
    query: T.PublicTargetListQuery,
  },
  {
    method: 'get',
    path: '/api/public/targets/{id}/versions/{version}',
    summary: '已公开的绩效目标表的某一版本 (a published target table)',
    access: ['public'],
  },
  {
    method: 'get',
    path: '/api/monitoring/rounds',
    summary: '运行监控轮次 (monitoring rounds)',
    access: ['signed-in'],
    query: T.RoundListQuery,
  },
  {
    method: 'post',
    path: '/api/monitoring/rounds',
    created: true,
    summary: '开启监控轮次 (open a monitoring round)',
    access: ['bureau-reviewer'],
    body: T.OpenRoundBody,
  },
  {
    method: 'get',
    path: '/api/monitoring/rounds/{id}',
    summary: '轮次总览与预警灯 (round overview with lights)',
    access: ['signed-in'],
  },
  {
    method: 'put',
    path: '/api/monitoring/rounds/{id}/entries/{tableId}',
    summary: '填报或报送监控表 (save or submit an entry)',
    access: ['preparer'],
    body: T.PutEntryBody,
  },
  {
    method: 'post',
    path: '/api/monitoring/rounds/{id}/decisions',
    created: true,
    summary: '处理决定：继续执行/调剂/暂缓拨款/取消 (record a decision)',
    access: ['bureau-reviewer'],
    body: T.DecisionBody,
  },
];
