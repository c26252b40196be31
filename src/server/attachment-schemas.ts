/** Request shapes of the 附件 routes (kept beside schemas.ts, as target-schemas.ts is). */
import { z } from 'zod';
import { ATTACHMENT_CATEGORIES } from '../app/store.ts';
import { Uuid, VersionParam } from './schemas.ts';

export const AttachmentForm = z.object({
  file: z.instanceof(File, { error: '请选择要上传的文件 (a file is required)' }),
  category: z.enum(ATTACHMENT_CATEGORIES, {
    error: '请选择附件类别：决算报表、佐证材料或调整文件 (choose a category)',
  }),
});
export const AttachmentParam = z.object({ id: Uuid, aid: Uuid });
export const PublishedAttachmentParam = VersionParam.extend({ aid: Uuid });
export const AttachmentPublicBody = z.object({ public: z.boolean() });
