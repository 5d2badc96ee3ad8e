import { useRef, useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { ApiError, upload } from '../api';

/** Out of sight but still in the page, so its label and automated file choosers reach it. */
const VISUALLY_HIDDEN: React.CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' };

interface Props {
  id: string;
  label: string;
  accept: string;
  url: string;
  /** Extra form fields sent with the file (e.g. its label). */
  fields?: Record<string, string>;
  successMessage: string;
  onUploaded: () => Promise<void> | void;
  onError: (message: string) => void;
}

/**
 * A labelled file input that uploads the chosen file at once (multipart, with the CSRF token).
 * The browser's own file button speaks the browser's language ("Choose File"): it is hidden
 * and a Chinese button opens the same chooser; the label stays tied to the input.
 */
export function FileUpload({ id, label, accept, url, fields = {}, successMessage, onUploaded, onError }: Props) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<string>('未选择文件');
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      <label htmlFor={id}>{label}</label>
      <input ref={input} id={id} type="file" accept={accept} style={VISUALLY_HIDDEN} tabIndex={-1} onChange={async (e) => {
        const file = e.target.files?.[0];
        if (!file) return;
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('file', file);
        setBusy(true);
        setState(`正在上传：${file.name}`);
        try {
          await upload(url, form);
          message.success(successMessage);
          setState(`已上传：${file.name}`);
          await onUploaded();
        } catch (err) {
          setState('上传未成功，请重新选择');
          onError(err instanceof ApiError ? err.message : '上传失败');
        } finally {
          setBusy(false);
        }
        e.target.value = '';
      }} />
      <Button loading={busy} onClick={() => input.current?.click()} aria-describedby={`${id}-state`}>选择文件</Button>
      <Typography.Text type="secondary" id={`${id}-state`} aria-live="polite">{state}</Typography.Text>
    </Space>
  );
}
