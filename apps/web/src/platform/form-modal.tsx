import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Form, Modal, Space, type FormInstance, type FormProps } from 'antd';
import styles from './ui.module.css';
import { useIsPhone } from './use-is-phone.ts';

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

interface FormDrawerProps<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  saver: FormSave<T>;
  onClose: () => void;
  /** Width on a computer; on a phone the drawer fills the screen. */
  width: number;
  formProps?: Omit<FormProps<T>, 'form' | 'onFinish' | 'layout' | 'children' | 'disabled'>;
  children: ReactNode;
}

/** The long create-or-edit form: a drawer with 取消/保存 at the top, the form locked while it saves. */
export function FormDrawer<T>({ open, title, form, saver, onClose, width, formProps, children }: FormDrawerProps<T>) {
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={open}
      title={title}
      size={isPhone ? '100%' : width}
      onClose={onClose}
      destroyOnHidden
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
      <FormProblem problem={saver.problem} />
      <Form<T> form={form} layout="vertical" disabled={saver.saving} onFinish={saver.save} {...formProps}>
        {children}
      </Form>
    </Drawer>
  );
}
