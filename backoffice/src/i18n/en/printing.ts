import type { printingZh } from '../zh-CN/printing.ts';

export const printingEn: typeof printingZh = {
  title: 'Receipt printers',
  intro: 'Network receipt printers of each store (raw TCP, port 9100). Tills print only to the printers listed for their store.',
  add: 'Add printer',
  editTitle: 'Change printer “{name}”',
  edit: 'Change',
  delete: 'Delete',
  deleteConfirm: 'Delete printer “{name}”? Tills will no longer be able to print to it.',
  deleted: 'Printer {name} deleted',
  saved: 'Printer {name} saved',
  empty: 'No network printers yet.',
  store: 'Store',
  name: 'Name',
  namePlaceholder: 'e.g. Front counter',
  host: 'Address (IP or host name)',
  port: 'Port',
  address: 'Address',
};
