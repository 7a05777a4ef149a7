import type { FormInstance } from 'antd';
import { useSave } from '../../platform/use-save.ts';
import { RECOGNITION_CHANGED } from './honours.queries.ts';

/** 登记: how both registration dialogs (honour, sanction) save, refresh and close. */
export function useRegister<T, R>(save: (values: T) => Promise<R>, form: FormInstance<T>, onClose: () => void) {
  return useSave({
    save,
    form,
    invalidates: RECOGNITION_CHANGED,
    success: '已登记',
    showError: 'alert',
    onSaved: onClose,
  });
}
