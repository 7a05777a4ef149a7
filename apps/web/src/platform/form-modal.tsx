import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Form, Modal, Space, type FormInstance, type FormProps } from 'antd';
import styles from './ui.module.css';
import { useIsPhone } from './use-is-phone.ts';

/** What a form modal needs of `useSave`: the save itself, whether it runs, and what went wrong. */
export interface FormSave<T> {
  save: (values: T) => void;
  saving: boolean;
  problem: string | null;
  /** Called when the dialog has closed, so a failure does not greet the next opening. */
  clearProblem?: () => void;
}

/**
 * What the form holds when the dialog opens. Given this, the form is emptied when the dialog closes
 * and filled from these on the next opening, so a dialog needs no effect to reset or fill its form.
 */
type Opening<T> = FormProps<T>['initialValues'];

/** A failed save, above the form it concerns. */
export function FormProblem({ problem }: { problem: string | null }) {
  return problem ? <Alert type="error" showIcon title={problem} className={styles.above} role="alert" /> : null;
}

interface DialogFormProps<T> {
  form: FormInstance<T>;
  saver: FormSave<T>;
  initialValues?: Opening<T>;
  formProps?: Omit<FormProps<T>, 'form' | 'onFinish' | 'layout' | 'children'>;
  children: ReactNode;
}

/** The failure above a vertical form that saves through `saver` (inside a dialog or a drawer). */
function DialogForm<T>({ form, saver, initialValues, formProps, children }: DialogFormProps<T>) {
  return (
    <>
      <FormProblem problem={saver.problem} />
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={saver.save}
        initialValues={initialValues}
        clearOnDestroy={initialValues !== undefined}
        {...formProps}
      >
        {children}
      </Form>
    </>
  );
}

interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  saver: FormSave<T>;
  onCancel: () => void;
  okText?: string;
  width?: number;
  /** Shown above the failure and the form (a warning about what is being chosen). */
  notice?: ReactNode;
  initialValues?: Opening<T>;
  formProps?: Omit<FormProps<T>, 'form' | 'onFinish' | 'layout' | 'children'>;
  children: ReactNode;
}

/** The create-or-edit dialog: 保存/取消, the failure above a vertical form, saved through `useSave`. */
export function FormModal<T>({
  open,
  title,
  form,
  saver,
  onCancel,
  okText = '保存',
  width,
  notice,
  initialValues,
  formProps,
  children,
}: FormModalProps<T>) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={saver.saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onCancel}
      width={width}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (!opened) saver.clearProblem?.();
      }}
    >
      {notice}
      <DialogForm form={form} saver={saver} initialValues={initialValues} formProps={formProps}>
        {children}
      </DialogForm>
    </Modal>
  );
}

interface FormDrawerProps<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  saver: FormSave<T>;
  onClose: () => void;
  /** Width on a computer; on a phone the drawer fills the screen. */
  width: number;
  initialValues?: Opening<T>;
  formProps?: Omit<FormProps<T>, 'form' | 'onFinish' | 'layout' | 'children' | 'disabled'>;
  children: ReactNode;
}

/** The long create-or-edit form: a drawer with 取消/保存 at the top, the form locked while it saves. */
export function FormDrawer<T>({
  open,
  title,
  form,
  saver,
  onClose,
  width,
  initialValues,
  formProps,
  children,
}: FormDrawerProps<T>) {
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={open}
      title={title}
      size={isPhone ? '100%' : width}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (!opened) saver.clearProblem?.();
      }}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saver.saving}
            onClick={() => {
              form.submit();
            }}
          >
            保存
          </Button>
        </Space>
      }
    >
      <DialogForm
        form={form}
        saver={saver}
        initialValues={initialValues}
        formProps={{ disabled: saver.saving, ...formProps }}
      >
        {children}
      </DialogForm>
    </Drawer>
  );
}
