/** English messages. The shape of this object is the schema every locale must match. */
const en = {
  app: {
    name: 'Shopbook POS',
  },
  language: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  login: {
    title: 'Sign in to the till',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errors: {
      usernameRequired: 'Enter your username.',
      passwordRequired: 'Enter your password.',
      invalid: 'Username or password is wrong.',
      rateLimited: 'Too many attempts. Wait a minute and try again.',
      offline: 'The till is offline. The first sign-in needs the network.',
      network: 'Cannot reach the server. Check the network and try again.',
      unexpected: 'The server sent an answer the till does not understand ({status}).',
    },
  },
  shell: {
    store: 'Store',
    cashier: 'Cashier',
    unknownStore: '—',
    signOut: 'Sign out',
    signOutBlocked:
      'Cannot sign out: {count} sale event(s) have not reached the server yet. Wait until the till is back online and has synced.',
    signOutBlockedSale: 'Cannot sign out during a sale. Finish or cancel the sale first.',
    dismiss: 'Dismiss',
    storageLow: 'Storage almost full: {free} free. Sales may fail to save.',
  },
  sync: {
    online: 'Online',
    offline: 'Offline',
    pending: '{count} unsent',
    lastSync: 'Last sync {time}',
    never: '—',
  },
  search: {
    placeholder: 'Search products by name or pinyin initials',
    noCatalogue: 'No products on this till yet. The catalogue arrives once sync is built.',
    noMatches: 'No product matches “{query}”.',
    hint: 'Scanning and adding to the cart come in a later version.',
  },
  cart: {
    title: 'Cart',
    empty: 'The cart is empty.',
    items: 'Items',
    total: 'Total',
  },
  update: {
    available: 'Update available',
    apply: 'Update now',
    later: 'Later',
    blockedOutbox:
      'Cannot update now: {count} sale event(s) have not reached the server yet. The update waits until they are synced.',
    blockedSale: 'Cannot update during a sale. Finish or cancel the sale first.',
    offlineReady: 'The till is ready to work offline.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type MessageSchema = Widen<typeof en>;

export default en satisfies MessageSchema;
