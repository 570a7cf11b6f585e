import { Alert, type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, isConflict } from '../api/errors.js';
import { useErrorText } from '../i18n/error-text.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * A modal form that saves through the API: OK submits (after the field rules pass), the form is disabled and
 * OK spins while saving, the server's field messages land on the fields they name (`details.field` or
 * `details.issues[]`), anything else shows above the form, and a 409 calls `onConflict` (reload the record)
 * and says so. `onSubmit` throws on failure (a mutation's `mutateAsync` does) and closes nothing itself:
 * the caller closes in its own success path.
 *
 *   <FormModal form={form} open={open} title="新增用户" onCancel={close}
 *     onSubmit={async (v) => { await create.mutateAsync(toBody(v)); close(); }}>
 *     <Form.Item name="displayName" label="姓名" rules={…}><Input /></Form.Item>
 *   </FormModal>
 */
export function FormModal<V extends object>(props: {
  form: FormInstance<V>;
  open: boolean;
  title: ReactNode;
  onCancel: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  /** After a 409: reload the record into the form; `conflictHint` tells the user what happened. */
  onConflict?: (error: ApiError) => Promise<void> | void;
  conflictHint?: string;
  okText?: string;
  /** E.g. `disabled` while a photo uploads. */
  okButtonProps?: ButtonProps;
  /** OK in red: the change removes or refuses something. */
  danger?: boolean;
  width?: number | string;
  /** The form's name (ids of its fields: `<name>_<field>`). */
  name: string;
  initialValues?: Partial<V>;
  /** After the user changes a field (one field setting another). */
  onValuesChange?: (changed: Partial<V>, values: V) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ title: string; description?: string } | null>(null);

  const submit = async (values: V) => {
    setSaving(true);
    setProblem(null);
    try {
      await props.onSubmit(values);
    } catch (cause) {
      if (isConflict(cause) && props.onConflict) {
        setProblem({
          title: errorText(cause),
          ...(props.conflictHint ? { description: props.conflictHint } : {}),
        });
        await Promise.resolve(props.onConflict(cause)).catch(() => undefined);
      } else if (!showOnFields(props.form, cause)) {
        setProblem({ title: errorText(cause, t('common.loadFailed')) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={() => {
        setProblem(null);
        props.onCancel();
      }}
      onOk={() => props.form.submit()}
      okText={props.okText ?? t('common.save')}
      okButtonProps={props.danger ? { danger: true, ...props.okButtonProps } : props.okButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      maskClosable={false}
      forceRender
      width={props.width ?? 560}
    >
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.title}
          description={problem.description}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form<V>
        form={props.form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        onValuesChange={(changed: Partial<V>, values: V) => {
          setProblem(null);
          props.onValuesChange?.(changed, values);
        }}
        initialValues={props.initialValues}
        name={props.name}
      >
        {props.children}
      </Form>
    </Modal>
  );
}

/**
 * Puts the server's field messages on the form fields they name; true when at least one found its field, so
 * the general message is not needed.
 */
export function showOnFields<V>(form: FormInstance<V>, error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  const registered = new Set(Object.keys(form.getFieldsValue() ?? {}));
  const matched = error.fieldIssues.filter((issue) => registered.has(issue.field));
  if (matched.length === 0) {
    return false;
  }
  form.setFields(
    matched.map((issue) => ({ name: issue.field as never, errors: [issue.message || error.message] })),
  );
  return true;
}
