/**
 * The minutes editor (Tiptap over ProseMirror): officers type minutes here or paste them from WPS
 * and Word, tables included. It is its own chunk, loaded only when someone edits minutes.
 */
import { useState, type ReactNode } from 'react';
import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  TableOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Flex, Input, Popover, Tooltip } from 'antd';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { headingsToMinutesLevels, MINUTES_EXTENSIONS } from './minutes-extensions.ts';
import styles from './minutes.module.css';

function ToolButton(props: { label: string; icon?: ReactNode; active?: boolean; onClick: () => void; text?: string }) {
  return (
    <Tooltip title={props.label}>
      <Button
        size="small"
        type={props.active ? 'primary' : 'default'}
        icon={props.icon}
        aria-label={props.label}
        aria-pressed={props.active}
        onClick={props.onClick}
      >
        {props.text}
      </Button>
    </Tooltip>
  );
}

function LinkButton({ editor, active }: { editor: Editor; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const apply = (value: string) => {
    const chain = editor.chain().focus().extendMarkRange('link');
    if (value.trim()) chain.setLink({ href: value.trim() }).run();
    else chain.unsetLink().run();
    setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setHref((editor.getAttributes('link').href as string | undefined) ?? '');
      }}
      trigger="click"
      content={
        <Input.Search
          className={styles.linkInput}
          placeholder="https://"
          enterButton="确定"
          value={href}
          onChange={(e) => setHref(e.target.value)}
          onSearch={apply}
          aria-label="链接地址"
        />
      }
    >
      <Button size="small" type={active ? 'primary' : 'default'} icon={<LinkOutlined />} aria-label="链接" />
    </Popover>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
    }),
  });
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => {
    command(editor.chain().focus()).run();
  };
  return (
    <Flex wrap gap={4} className={styles.toolbar}>
      <ToolButton label="加粗" icon={<BoldOutlined />} active={state.bold} onClick={run((c) => c.toggleBold())} />
      <ToolButton label="倾斜" icon={<ItalicOutlined />} active={state.italic} onClick={run((c) => c.toggleItalic())} />
      <ToolButton
        label="下划线"
        icon={<UnderlineOutlined />}
        active={state.underline}
        onClick={run((c) => c.toggleUnderline())}
      />
      <ToolButton label="一级标题" text="标题" active={state.h3} onClick={run((c) => c.toggleHeading({ level: 3 }))} />
      <ToolButton
        label="二级标题"
        text="小标题"
        active={state.h4}
        onClick={run((c) => c.toggleHeading({ level: 4 }))}
      />
      <ToolButton
        label="项目符号"
        icon={<UnorderedListOutlined />}
        active={state.bullet}
        onClick={run((c) => c.toggleBulletList())}
      />
      <ToolButton
        label="编号"
        icon={<OrderedListOutlined />}
        active={state.ordered}
        onClick={run((c) => c.toggleOrderedList())}
      />
      <LinkButton editor={editor} active={state.link} />
      <ToolButton
        label="插入表格"
        icon={<TableOutlined />}
        onClick={run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))}
      />
      {state.table && (
        <>
          <ToolButton label="增加一行" text="+行" onClick={run((c) => c.addRowAfter())} />
          <ToolButton label="增加一列" text="+列" onClick={run((c) => c.addColumnAfter())} />
          <ToolButton label="删除本行" text="−行" onClick={run((c) => c.deleteRow())} />
          <ToolButton label="删除本列" text="−列" onClick={run((c) => c.deleteColumn())} />
          <ToolButton label="删除表格" text="删表" onClick={run((c) => c.deleteTable())} />
        </>
      )}
    </Flex>
  );
}

/** Rich text for minutes (and study materials); `onChange` receives the HTML after every change. */
export default function MinutesEditor({
  initial,
  onChange,
  label = '会议记录',
}: {
  initial: string;
  onChange: (html: string) => void;
  label?: string;
}) {
  const editor = useEditor({
    extensions: MINUTES_EXTENSIONS,
    content: initial,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-label': label,
        'aria-multiline': 'true',
        class: `${styles.minutes} ${styles.editable}`,
      },
      transformPastedHTML: headingsToMinutesLevels,
    },
    onUpdate: ({ editor: e }) => {
      onChange(e.isEmpty ? '' : e.getHTML());
    },
  });
  return (
    <div>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
