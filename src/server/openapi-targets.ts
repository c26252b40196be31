/** The target-cycle rows of the OpenAPI route table (openapi.ts spreads them into ROUTES). */
import type { z } from 'zod';
import type { Role } from '../core/workflow.ts';
import * as T from './target-schemas.ts';

/** The part of openapi.ts's RouteSpec these rows use (written here, so the two files do not import each other). */
type TargetRouteSpec = {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  access: readonly ('signed-in' | Role)[];
  query?: z.ZodObject;
  body?: z.ZodType;
  created?: true;
};

export const TARGET_ROUTES: readonly TargetRouteSpec[] = [
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
];
