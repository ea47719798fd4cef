import { canTakeStep, type Permission, type PurchaseOrderStatus, type PurchaseOrderStep } from '@shopbook/shared';

/** The buttons an order's detail offers, in order; the API still decides (creator, limits). */
export type OrderButton = 'edit' | 'submit' | 'approve' | 'reject' | 'reopen' | 'send' | 'receive' | 'close' | 'cancel';

const NEEDS: Record<OrderButton, Permission> = {
  edit: 'purchasing.write',
  submit: 'purchasing.write',
  approve: 'purchasing.approve',
  reject: 'purchasing.approve',
  reopen: 'purchasing.write',
  send: 'purchasing.write',
  receive: 'purchasing.receive',
  close: 'purchasing.write',
  cancel: 'purchasing.write',
};

export function orderButtons(status: PurchaseOrderStatus, can: (p: Permission) => boolean): OrderButton[] {
  return (Object.keys(NEEDS) as OrderButton[]).filter((b) => can(NEEDS[b]) && canTakeStep(b as PurchaseOrderStep, status));
}
