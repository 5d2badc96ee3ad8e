import { App } from 'antd';
import { ApiError, upload } from '../api';

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

/** A labelled file input that uploads the chosen file at once (multipart, with the CSRF token). */
export function FileUpload({ id, label, accept, url, fields = {}, successMessage, onUploaded, onError }: Props) {
  const { message } = App.useApp();
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <input id={id} type="file" accept={accept} onChange={async (e) => {
        const file = e.target.files?.[0];
        if (!file) return;
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('file', file);
        try {
          await upload(url, form);
          message.success(successMessage);
          await onUploaded();
        } catch (err) {
          onError(err instanceof ApiError ? err.message : '上传失败');
        }
        e.target.value = '';
      }} />
    </>
  );
}
