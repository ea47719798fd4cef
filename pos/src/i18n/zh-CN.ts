import type { MessageSchema } from './en.ts';

const zhCN: MessageSchema = {
  app: {
    name: 'Shopbook 收银台',
  },
  language: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English',
  },
  login: {
    title: '登录收银台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    errors: {
      usernameRequired: '请输入用户名。',
      passwordRequired: '请输入密码。',
      invalid: '用户名或密码错误。',
      rateLimited: '尝试次数过多，请稍后再试。',
      offline: '收银台当前离线。首次登录需要网络。',
      network: '无法连接服务器，请检查网络后重试。',
      unexpected: '服务器返回了无法识别的响应（{status}）。',
    },
  },
  shell: {
    store: '门店',
    cashier: '收银员',
    unknownStore: '—',
    signOut: '退出登录',
    signOutBlocked: '无法退出：还有 {count} 条销售记录未上传到服务器。请等收银台联网并完成同步。',
    signOutBlockedSale: '销售进行中，不能退出。请先完成或取消当前销售。',
    dismiss: '关闭',
    storageLow: '存储空间即将用尽：仅剩 {free}。销售记录可能无法保存。',
  },
  sync: {
    online: '在线',
    offline: '离线',
    pending: '{count} 条未上传',
    lastSync: '上次同步 {time}',
    never: '—',
  },
  search: {
    placeholder: '按商品名称或拼音首字母搜索',
    noCatalogue: '本收银台还没有商品。同步功能完成后将下载商品目录。',
    noMatches: '没有与“{query}”匹配的商品。',
    hint: '扫码和加入购物车将在后续版本提供。',
  },
  cart: {
    title: '购物车',
    empty: '购物车是空的。',
    items: '件数',
    total: '合计',
  },
  update: {
    available: '有可用更新',
    apply: '立即更新',
    later: '稍后',
    blockedOutbox: '暂不能更新：还有 {count} 条销售记录未上传到服务器。同步完成后再更新。',
    blockedSale: '销售进行中，不能更新。请先完成或取消当前销售。',
    offlineReady: '收银台已可离线使用。',
  },
};

export default zhCN;
