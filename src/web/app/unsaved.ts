/**
 * The warning before leaving unsaved changes: an editor marks itself dirty; the browser asks on unload
 * and the in-app router asks before navigating away.
 */
const dirty = new Set<string>();

const onBeforeUnload = (e: BeforeUnloadEvent) => {
  if (dirty.size === 0) return;
  e.preventDefault();
  e.returnValue = '';
};
if (typeof window !== 'undefined') window.addEventListener('beforeunload', onBeforeUnload);

export const LEAVE_QUESTION = '有未保存的修改，确定离开吗？(Unsaved changes will be lost.)';

export const setDirty = (who: string, isDirty: boolean): void => {
  if (isDirty) dirty.add(who);
  else dirty.delete(who);
};

/** True when nothing is unsaved or the user agrees to drop it. */
export const confirmLeave = (): boolean => {
  if (dirty.size === 0) return true;
  const ok = window.confirm(LEAVE_QUESTION);
  if (ok) dirty.clear();
  return ok;
};
