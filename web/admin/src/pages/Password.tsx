import { App, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError, fieldErrors, post } from '../api';

export default function Password() {
  const { message } = App.useApp();
  const [form] = Form.useForm();

  async function save(values: { currentPassword: string; newPassword: string }) {
    try {
      await post('/api/v1/auth/password', values);
      message.success('密码已修改');
      form.resetFields();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '修改失败');
    }
  }

  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={2}>修改密码</Typography.Title>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" extra="至少10位，包含大写字母、小写字母、数字、符号中的至少三类" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">保存</Button>
      </Form>
    </Card>
  );
}
