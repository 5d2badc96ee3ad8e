import { useEffect } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';

interface Props {
  /** The body as HTML (Form.Item passes value and onChange). */
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
  /** The accessible name of the editing area. */
  label?: string;
}

/**
 * What Word and WPS put on the clipboard besides the text: conditional comments, Office XML
 * namespaces (<o:p>, <w:…>), style blocks and mso- styling. The editor's schema keeps only
 * paragraphs, headings, emphasis, lists and tables anyway; this removes what would otherwise
 * show as stray text or empty paragraphs. The server sanitises the saved body again.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<\/?(o|w|v|m|st1):[^>]*>/gi, '')
    .replace(/\s(class|style|lang|align)="[^"]*"/gi, '')
    .replace(/<p>(?:&nbsp;|\s)*<\/p>/gi, '');
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'), italic: e.isActive('italic'), underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }), h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'), quote: e.isActive('blockquote'), table: e.isActive('table'),
      undo: e.can().undo(), redo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const tool = (key: string, label: string, text: string, active: boolean, run: () => void, disabled = false) => (
    <Tooltip key={key} title={label}>
      <Button size="small" type={active ? 'primary' : 'default'} aria-label={label} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={run}>{text}</Button>
    </Tooltip>
  );
  return (
    <Space wrap size={4} role="toolbar" aria-label="正文格式" style={{ padding: 4, borderBottom: '1px solid #d9d9d9', width: '100%' }}>
      {tool('bold', '加粗', '粗', state.bold, () => chain().toggleBold().run())}
      {tool('italic', '倾斜', '斜', state.italic, () => chain().toggleItalic().run())}
      {tool('underline', '下划线', '下划线', state.underline, () => chain().toggleUnderline().run())}
      {tool('h2', '一级标题', '一级标题', state.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {tool('h3', '二级标题', '二级标题', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      {tool('bullet', '项目列表', '• 项目列表', state.bullet, () => chain().toggleBulletList().run())}
      {tool('ordered', '编号列表', '编号列表', state.ordered, () => chain().toggleOrderedList().run())}
      {tool('quote', '引用', '引用', state.quote, () => chain().toggleBlockquote().run())}
      {state.table
        ? tool('table', '删除表格', '删除表格', false, () => chain().deleteTable().run())
        : tool('table', '插入表格（3行3列）', '表格', false, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
      {tool('undo', '撤销', '撤销', false, () => chain().undo().run(), !state.undo)}
      {tool('redo', '重做', '重做', false, () => chain().redo().run(), !state.redo)}
    </Space>
  );
}

/**
 * The body editor: paragraphs, two heading levels, bold, italic, underline, lists, quotes and
 * tables — what the portal shows and the server's sanitiser keeps. Paste from Word arrives clean.
 */
export function RichTextEditor({ value, onChange, id, label = '正文' }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, code: false, codeBlock: false, strike: false, horizontalRule: false, link: { openOnClick: false, autolink: false } }),
      Table.configure({ resizable: false }), TableRow, TableHeader, TableCell,
    ],
    content: value ?? '',
    editorProps: {
      attributes: { id: id ?? 'body-editor', 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'rich-text-body' },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  // A new value from outside (a DOCX import, a loaded draft) replaces the content; typing does not loop back.
  useEffect(() => {
    if (editor && value !== undefined && value !== (editor.isEmpty ? '' : editor.getHTML())) editor.commands.setContent(value || '', { emitUpdate: false });
  }, [editor, value]);
  if (!editor) return null;
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}>
      <style>{`.rich-text-body{min-height:240px;padding:8px 12px;outline:none;line-height:1.8}
.rich-text-body:focus-visible{box-shadow:inset 0 0 0 2px #1677ff}
.rich-text-body table{border-collapse:collapse;width:100%}.rich-text-body td,.rich-text-body th{border:1px solid #bfbfbf;padding:4px 8px;vertical-align:top}
.rich-text-body p{margin:0 0 8px}`}</style>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}
