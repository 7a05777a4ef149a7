import type { ReactNode } from 'react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, type FormListFieldData } from 'antd';

interface FormRowsProps {
  /** The list's field name in the form (`committee`, `roles`). */
  name: string;
  /** The row's own columns (`<Col>`s); the remove button is added after them. */
  children: (field: FormListFieldData) => ReactNode;
  /** What a new row starts with. */
  newRow: object;
  addLabel: string;
  removeLabel: string;
}

/** A form list edited row by row: each row removable, a dashed 添加 button under the rows. */
export function FormRows({ name, children, newRow, addLabel, removeLabel }: FormRowsProps) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} wrap={false} align="top">
              {children(field)}
              <Col flex="32px">
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={removeLabel}
                  onClick={() => {
                    remove(field.name);
                  }}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => {
              add(newRow);
            }}
          >
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
