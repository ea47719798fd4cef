import {
  addItem,
  addSerialUnit,
  applyPriceList,
  customerUnitPrice,
  normaliseSerial,
  removeSerialUnit,
  approvalReasons,
  buildSaleEvent,
  emptyCart,
  newId,
  overridePrice,
  priceCart,
  receiptNumber,
  removeLine,
  setCartDiscount,
  setLineDiscount,
  setQty,
  type ApprovalReason,
  type Cart,
  type Discount,
  type PaymentInput,
  type PricedCart,
} from '@shopbook/shared';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import {
  commitSale,
  getDb,
  parkCart,
  takeParked,
  type CustomerRecord,
  type LineLabel,
  type ParkedCart,
  type PosDb,
  type ProductRecord,
  type SaleRecord,
} from '../db/index.ts';
import { useDeviceStore } from './device.ts';
import { useSessionStore } from './session.ts';
import { useShiftStore } from './shift.ts';
import { useSyncStore } from './sync.ts';
import { useTillStore } from './till.ts';

/**
 * What makes someone a manager at the till: they may approve discounts and price changes
 * above a cashier's limit, on-account sales over the credit limit and returns without a
 * receipt. One permission, because a till has no finer notion of "manager" to pull.
 */
export const MANAGER_PERMISSION = 'pos.discount.override';

/** A change that went over the cashier's limit and waits for a manager's PIN. */
export interface PendingApproval {
  next: Cart;
  reasons: ApprovalReason[];
}

/**
 * The sale being rung up: view state only. The cart lives here (and in a parked row if put
 * aside) until payment; only a paid sale is written to Dexie, with its outbox event, in
 * one transaction (db/sale.ts). All money comes from shared's priceCart, so the screen,
 * the receipt and the event show the same cents; nothing here does tax or discount maths.
 */
export const useCartStore = defineStore('cart', () => {
  const device = useDeviceStore();
  const cart = ref<Cart>(emptyCart(device.pricesIncludeTax));
  /** sku and unit per line, for the screen and the receipt */
  const labels = ref<Record<string, { sku: string; unit: string }>>({});
  const customer = ref<CustomerRecord | null>(null);
  /** The catalogue price of each line the till priced itself, by line id: what a customer's price list discounts. */
  const catalogue = new Map<string, number>();
  /** the manager who approved something above the cashier's limit in this sale */
  const approvedBy = ref<string | null>(null);
  const pending = ref<PendingApproval | null>(null);
  /** the line last added or touched, highlighted and the target of keyboard edits */
  const selectedLineId = ref<string | null>(null);
  const lastSale = ref<SaleRecord | null>(null);

  const priced = computed<PricedCart>(() => priceCart(cart.value));
  const lines = computed(() => priced.value.lines);
  const isEmpty = computed(() => cart.value.lines.length === 0);

  // A cart with lines is an open sale: sign-out and app updates wait for it.
  const till = useTillStore();
  watch(isEmpty, (empty) => (till.saleInProgress = !empty), { immediate: true });
  // The store's tax mode arrives with the first pull; an empty cart follows it.
  watch(
    () => device.pricesIncludeTax,
    (incl) => {
      if (isEmpty.value) cart.value = { ...cart.value, pricesIncludeTax: incl };
    },
  );

  function add(product: ProductRecord, qtyMilli = 1000, unitPrice = product.priceMinor): string {
    const before = new Set(cart.value.lines.map((l) => l.lineId));
    // A catalogue-priced line goes at the attached customer's price list; a label's price stands.
    const fromCatalogue = unitPrice === product.priceMinor;
    const price = fromCatalogue ? customerUnitPrice(unitPrice, customer.value?.discountBp ?? 0) : unitPrice;
    cart.value = addItem(cart.value, { id: product.id, name: product.name, price, taxRateBp: product.taxRateBp, weighed: product.weighed }, qtyMilli);
    const touched =
      cart.value.lines.find((l) => !before.has(l.lineId)) ??
      [...cart.value.lines].reverse().find((l) => l.productId === product.id && l.unitPrice === price)!;
    if (fromCatalogue) catalogue.set(touched.lineId, product.priceMinor);
    labels.value = { ...labels.value, [touched.lineId]: { sku: product.sku, unit: product.unit } };
    selectedLineId.value = touched.lineId;
    return touched.lineId;
  }

  /** One unit of a serial-tracked product, by the serial scanned off it. Throws a SalesError the dialog explains. */
  function addSerial(product: ProductRecord, serial: string): string {
    const price = customerUnitPrice(product.priceMinor, customer.value?.discountBp ?? 0);
    cart.value = addSerialUnit(cart.value, { id: product.id, name: product.name, price, taxRateBp: product.taxRateBp, weighed: false }, serial);
    const wanted = normaliseSerial(serial);
    const touched = cart.value.lines.find((l) => l.productId === product.id && l.serials?.includes(wanted))!;
    catalogue.set(touched.lineId, product.priceMinor);
    labels.value = { ...labels.value, [touched.lineId]: { sku: product.sku, unit: product.unit } };
    selectedLineId.value = touched.lineId;
    return touched.lineId;
  }

  function removeSerial(lineId: string, serial: string): void {
    cart.value = removeSerialUnit(cart.value, lineId, serial);
    if (!cart.value.lines.some((l) => l.lineId === lineId)) selectedLineId.value = cart.value.lines.at(-1)?.lineId ?? null;
  }

  function changeQty(lineId: string, qtyMilli: number): void {
    cart.value = setQty(cart.value, lineId, qtyMilli);
    selectedLineId.value = lineId;
  }

  function remove(lineId: string): void {
    cart.value = removeLine(cart.value, lineId);
    if (selectedLineId.value === lineId) selectedLineId.value = cart.value.lines.at(-1)?.lineId ?? null;
  }

  function cashierMayOverride(): boolean {
    return useSessionStore().can(MANAGER_PERMISSION);
  }

  /**
   * Applies a discount or price change if it is within the cashier's limit; otherwise
   * keeps it pending and answers false: the screen asks for a manager's PIN and calls
   * approve() or cancelPending(). A cashier holding pos.discount.override approves their
   * own changes. An approval covers what the manager saw: a later change that takes
   * more off (or lowers a price further) needs a new one; one that gives back does not.
   */
  function propose(next: Cart): boolean {
    const cashier = useSessionStore().cashier;
    const reasons = approvalReasons(priceCart(next), cashier?.maxDiscountBp ?? 0);
    const covered = approvedBy.value !== null && !takesMoreOff(next);
    if (reasons.length === 0 || covered || cashierMayOverride()) {
      if (reasons.length > 0 && !covered) approvedBy.value = cashier!.id;
      cart.value = next;
      return true;
    }
    pending.value = { next, reasons };
    return false;
  }

  function takesMoreOff(next: Cart): boolean {
    const after = priceCart(next);
    if (after.totals.discount > priced.value.totals.discount) return true;
    return after.lines.some((l) => {
      const before = priced.value.lines.find((p) => p.lineId === l.lineId);
      return before !== undefined && l.unitPrice < before.unitPrice;
    });
  }

  /**
   * True when the cart as it stands is above the cashier's limit without an approval:
   * quantities changed after a fixed-amount discount can get there without propose(), so
   * payment checks this once more.
   */
  const approvalMissing = computed(() => {
    const cashier = useSessionStore().cashier;
    if (approvedBy.value || cashierMayOverride()) return false;
    return approvalReasons(priced.value, cashier?.maxDiscountBp ?? 0).length > 0;
  });

  /** A manager's PIN was right: apply what was pending (if anything) and record who approved. */
  function approve(managerId: string): void {
    if (pending.value) cart.value = pending.value.next;
    approvedBy.value = managerId;
    pending.value = null;
  }

  function cancelPending(): void {
    pending.value = null;
  }

  function discountLine(lineId: string, discount: Discount): boolean {
    selectedLineId.value = lineId;
    return propose(setLineDiscount(cart.value, lineId, discount));
  }

  function discountCart(discount: Discount): boolean {
    return propose(setCartDiscount(cart.value, discount));
  }

  function override(lineId: string, price: number, reason: string): boolean {
    selectedLineId.value = lineId;
    return propose(overridePrice(cart.value, lineId, price, reason));
  }

  /** Several edits of one line as one change, approved (or not) as a whole. */
  function editLine(lineId: string, change: { qtyMilli?: number; price?: number; reason?: string; discount?: Discount }): boolean {
    let next = cart.value;
    if (change.qtyMilli !== undefined) next = setQty(next, lineId, change.qtyMilli);
    if (change.price !== undefined) next = overridePrice(next, lineId, change.price, change.reason ?? '');
    if (change.discount) next = setLineDiscount(next, lineId, change.discount);
    selectedLineId.value = lineId;
    return propose(next);
  }

  /** Attaching or removing a customer reprices the catalogue's lines at their price list. */
  function attachCustomer(c: CustomerRecord | null): void {
    customer.value = c;
    cart.value = applyPriceList(cart.value, catalogue, c?.discountBp ?? 0);
  }

  function reset(): void {
    cart.value = emptyCart(device.pricesIncludeTax);
    catalogue.clear();
    labels.value = {};
    customer.value = null;
    approvedBy.value = null;
    pending.value = null;
    selectedLineId.value = null;
  }

  /** Puts the cart aside in Dexie and starts an empty one. */
  async function park(db: PosDb = getDb()): Promise<void> {
    if (isEmpty.value) return;
    const cashier = useSessionStore().cashier;
    await parkCart(db, {
      id: newId(),
      parkedAt: new Date().toISOString(),
      cashierId: cashier?.id ?? '',
      label: customer.value?.name ?? cart.value.lines[0]!.name,
      itemCount: priced.value.itemCount,
      total: priced.value.totals.gross,
      cart: JSON.parse(JSON.stringify(cart.value)) as Cart,
      customerId: customer.value?.id ?? null,
      labels: JSON.parse(JSON.stringify(labels.value)) as ParkedCart['labels'],
    });
    reset();
  }

  /** Takes a parked cart back; refused (false) while another sale is open. */
  async function resume(id: string, db: PosDb = getDb()): Promise<boolean> {
    if (!isEmpty.value) return false;
    const row = await takeParked(db, id);
    if (!row) return false;
    cart.value = row.cart;
    labels.value = row.labels;
    customer.value = row.customerId ? ((await db.customers.get(row.customerId)) ?? null) : null;
    selectedLineId.value = row.cart.lines.at(-1)?.lineId ?? null;
    return true;
  }

  /**
   * Completes the paid sale: builds the event with shared's buildSaleEvent and commits
   * it with its sale row in one transaction. The cart is cleared only after the commit,
   * so a failure leaves the cashier where they were, with the customer still there.
   */
  async function complete(payments: PaymentInput[], accountApprovedBy: string | null = null, db: PosDb = getDb()): Promise<SaleRecord> {
    const session = useSessionStore();
    const shift = useShiftStore();
    const reg = device.device;
    if (!session.cashier || !reg) throw new Error('no cashier on a registered till');
    const snapshot = priced.value;
    const cashier = session.cashier;
    const cust = customer.value;
    const lineLabels: Record<string, LineLabel> = {};
    for (const l of snapshot.lines) {
      lineLabels[l.lineId] = { name: l.name, sku: labels.value[l.lineId]?.sku ?? '', unit: labels.value[l.lineId]?.unit ?? '', weighed: l.weighed };
    }
    const code = device.deviceCode;
    const { record } = await commitSale(db, ({ receiptSeq }) => ({
      sale: buildSaleEvent({
        priced: snapshot,
        payments,
        receiptNo: receiptNumber(code, receiptSeq),
        storeId: reg.storeId,
        warehouseId: reg.warehouseId,
        cashierId: cashier.id,
        shiftId: shift.current?.id ?? null,
        customerId: cust?.id ?? null,
        approvedBy: approvedBy.value ?? accountApprovedBy,
      }),
      cashierName: cashier.displayName,
      customerName: cust?.name ?? null,
      labels: lineLabels,
    }));
    lastSale.value = record;
    reset();
    void useSyncStore().kick();
    return record;
  }

  return {
    cart,
    labels,
    customer,
    approvedBy,
    pending,
    selectedLineId,
    lastSale,
    priced,
    lines,
    isEmpty,
    approvalMissing,
    add,
    addSerial,
    removeSerial,
    changeQty,
    remove,
    discountLine,
    discountCart,
    editLine,
    override,
    approve,
    cancelPending,
    attachCustomer,
    reset,
    park,
    resume,
    complete,
  };
});
