/**
 * The console's views: one entry each, with the roles that see it in the menu.
 * Capabilities add their views here.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './types';

export interface ConsoleRoute {
  path: string;
  label: string;
  /** Empty: every signed-in staff member. */
  roles: Role[];
  component: LazyExoticComponent<ComponentType>;
  hidden?: boolean;
}

export const ROUTES: ConsoleRoute[] = [
  { path: '/', label: '工作台', roles: [], component: lazy(() => import('./pages/Dashboard')) },
  { path: '/items', label: '信息发布', roles: ['clerk', 'deptHead', 'confidentialityReviewer', 'leader', 'disclosureOffice', 'supervisor'], component: lazy(() => import('./pages/Items')) },
  { path: '/items/new', label: '新建信息', roles: ['clerk'], component: lazy(() => import('./pages/ItemEditor')), hidden: true },
  { path: '/items/:id', label: '信息详情', roles: [], component: lazy(() => import('./pages/ItemDetail')), hidden: true },
  { path: '/items/:id/edit', label: '修改信息', roles: ['clerk'], component: lazy(() => import('./pages/ItemEditor')), hidden: true },
  { path: '/requests', label: '依申请公开', roles: ['disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead'], component: lazy(() => import('./pages/Requests')) },
  { path: '/requests/:id', label: '申请详情', roles: ['disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead'], component: lazy(() => import('./pages/RequestDetail')), hidden: true },
  { path: '/messages', label: '互动交流', roles: ['disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead', 'leader'], component: lazy(() => import('./pages/Messages')) },
  { path: '/messages/:id', label: '来信详情', roles: ['disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead', 'leader'], component: lazy(() => import('./pages/Messages')), hidden: true },
  /* 便民问答 (issue 13) */ { path: '/faq', label: '便民问答', roles: ['disclosureOffice', 'admin', 'supervisor'], component: lazy(() => import('./pages/faq/Faq')) },
  { path: '/mailboxes', label: '信箱设置', roles: ['disclosureOffice', 'admin'], component: lazy(() => import('./pages/Mailboxes')) },
  { path: '/reports', label: '年度报告', roles: ['disclosureOffice', 'admin', 'supervisor'], component: lazy(() => import('./pages/Reports')) },
  { path: '/orgs', label: '组织机构', roles: ['admin', 'supervisor', 'disclosureOffice'], component: lazy(() => import('./pages/Orgs')) },
  { path: '/users', label: '用户与角色', roles: ['admin', 'supervisor', 'disclosureOffice'], component: lazy(() => import('./pages/Users')) },
  { path: '/calendar', label: '工作日历', roles: [], component: lazy(() => import('./pages/Calendar')) },
  { path: '/audit', label: '审计日志', roles: ['admin', 'supervisor', 'disclosureOffice'], component: lazy(() => import('./pages/Audit')) },
  { path: '/search', label: '全站搜索', roles: ['admin'], component: lazy(() => import('./pages/Search')) },
  // 意见征集、回应关切 (issue 13)
  { path: '/solicitations', label: '意见征集', roles: ['disclosureOffice', 'admin', 'supervisor'], component: lazy(() => import('./pages/Solicitations')) },
  { path: '/concerns', label: '回应关切', roles: ['disclosureOffice', 'admin', 'supervisor'], component: lazy(() => import('./pages/Concerns')) },
  // 政务服务 (issue 14)
  { path: '/service-items', label: '政务服务事项', roles: ['serviceClerk', 'serviceManager'], component: lazy(() => import('./pages/services/ServiceItems')) },
  { path: '/service-cases', label: '办件管理', roles: ['serviceClerk', 'serviceManager', 'admin', 'supervisor'], component: lazy(() => import('./pages/services/ServiceCases')) },
  { path: '/service-cases/:filter', label: '办件管理', roles: ['serviceClerk', 'serviceManager', 'admin', 'supervisor'], component: lazy(() => import('./pages/services/ServiceCases')), hidden: true },
  { path: '/service-windows', label: '服务中心与窗口', roles: ['serviceClerk', 'serviceManager', 'admin', 'supervisor'], component: lazy(() => import('./pages/services/ServiceWindows')) },
  { path: '/service-supervision', label: '电子监察', roles: ['serviceClerk', 'serviceManager', 'admin', 'supervisor'], component: lazy(() => import('./pages/services/ServiceSupervision')) },
  { path: '/service-ratings', label: '好差评', roles: ['serviceClerk', 'serviceManager', 'admin', 'supervisor'], component: lazy(() => import('./pages/services/ServiceRatings')) },
  { path: '/service-complaints', label: '投诉登记簿', roles: ['serviceClerk', 'serviceManager', 'admin', 'supervisor', 'disclosureOffice'], component: lazy(() => import('./pages/services/ServiceComplaints')) },
  { path: '/password', label: '修改密码', roles: [], component: lazy(() => import('./pages/Password')), hidden: true },
];
