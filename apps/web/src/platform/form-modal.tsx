import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import styles from './ui.module.css';

/** What a form modal needs of `useSave`: the save itself, whether it runs, and what went wrong. */
export interface FormSave<T> {
  save: (values: T) => void;
  saving: boolean;
  problem: string | null;
}

/** A failed save, above the form it concerns. */
export function FormProblem({ problem }: { problem: string | null }) {
  return problem ? <Alert type="error" showIcon title={problem} className={styles.above} role="alert" /> : null;
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
    >
      {notice}
      <FormProblem problem={saver.problem} />
      <Form<T> form={form} layout="vertical" onFinish={saver.save} {...formProps}>
        {children}
      </Form>
    </Modal>
  );
}
