import { newId } from '../ids/uuidv7.ts';
import { type Discount, NO_DISCOUNT, applyLineDiscount } from '../money/discount.ts';
import { type Cart, type CartLine, assertCartLine } from './cart.ts';
import { SalesError } from './errors.ts';
import { normaliseSerial, serialSchema } from '../inventory/serials.ts';

/**
 * What the cashier does to a cart. Every function returns a new cart and leaves its
 * argument alone, so a Pinia store can keep the previous cart for undo and Vue sees
 * each change as a new value.
 */

/** What addItem needs of a product; a PulledProduct from the catalogue fits. */
export interface CartProduct {
  id: string;
  name: string;
  /** The store's price in minor units (a price-embedded weighed label may pass its own). */
  price: number;
  taxRateBp: number;
  weighed: boolean;
}

/** Longest reason the wire format keeps (saleLineV1.overrideReason). */
export const OVERRIDE_REASON_MAX = 200;

export function emptyCart(pricesIncludeTax: boolean): Cart {
  return { lines: [], cartDiscount: NO_DISCOUNT, pricesIncludeTax };
}

function assertDiscount(discount: Discount): void {
  // applyLineDiscount validates the discount itself; a zero line makes that its only effect.
  applyLineDiscount(0, discount);
}

function mapLine(cart: Cart, lineId: string, change: (line: CartLine) => CartLine): Cart {
  if (!cart.lines.some((l) => l.lineId === lineId)) {
    throw new SalesError('unknown_line', `no line ${lineId} in the cart`, 'lineId');
  }
  return {
    ...cart,
    lines: cart.lines.map((line) => {
      if (line.lineId !== lineId) return line;
      const changed = change(line);
      assertCartLine(changed);
      return changed;
    }),
  };
}

/**
 * A merge target: same product at the same untouched price. A line with an override
 * or a fixed-amount discount was agreed for the quantity it had, so a new scan of the
 * product starts a new line rather than silently sharing that deal; a percentage
 * discount scales with the quantity and may be shared.
 */
function mergeable(line: CartLine, product: CartProduct): boolean {
  return (
    line.productId === product.id &&
    !line.weighed &&
    line.unitPrice === product.price &&
    line.listPrice === product.price &&
    line.overrideReason === null &&
    (line.discount.kind === 'percent' || line.discount.amount === 0)
  );
}

/**
 * Adds `qtyMilli` of a product. A second scan of a piece-counted product raises the
 * quantity of its line; weighed goods always get a line of their own, because each
 * label is a separate weighing the customer can check on the receipt.
 */
export function addItem(cart: Cart, product: CartProduct, qtyMilli: number, lineId: string = newId()): Cart {
  const target = product.weighed ? undefined : cart.lines.find((l) => !l.serials && mergeable(l, product));
  if (target) return setQty(cart, target.lineId, target.qtyMilli + qtyMilli);
  const line: CartLine = {
    lineId,
    productId: product.id,
    name: product.name,
    qtyMilli,
    unitPrice: product.price,
    listPrice: product.price,
    overrideReason: null,
    discount: NO_DISCOUNT,
    taxRateBp: product.taxRateBp,
    weighed: product.weighed,
  };
  assertCartLine(line);
  return { ...cart, lines: [...cart.lines, line] };
}

/** Sets a line's quantity; it must stay positive — removing a line is removeLine. */
export function setQty(cart: Cart, lineId: string, qtyMilli: number): Cart {
  return mapLine(cart, lineId, (line) => {
    // Each unit of a serial-tracked product is a scanned serial: the count follows the scans.
    if (line.serials && qtyMilli !== line.qtyMilli) {
      throw new SalesError('serial_quantity', 'scan each unit’s serial number to add it; remove a serial to take a unit off', 'qtyMilli');
    }
    return { ...line, qtyMilli };
  });
}

/**
 * Adds one unit of a serial-tracked product by its serial. Units of the same product at
 * the same untouched price share a line, as scans of other products do; a serial already
 * in the cart is refused, since the same unit cannot be sold twice.
 */
export function addSerialUnit(cart: Cart, product: CartProduct, rawSerial: string, lineId: string = newId()): Cart {
  const parsed = serialSchema.safeParse(rawSerial);
  if (!parsed.success) throw new SalesError('serial_invalid', parsed.error.issues[0]?.message ?? 'not a serial number', 'serial');
  const serial = parsed.data;
  if (cart.lines.some((l) => l.productId === product.id && l.serials?.includes(serial))) {
    throw new SalesError('serial_in_cart', `serial number ${serial} is already in this sale`, 'serial');
  }
  const target = cart.lines.find((l) => l.serials && mergeable(l, product));
  if (target) {
    return mapLine(cart, target.lineId, (line) => ({ ...line, qtyMilli: line.qtyMilli + 1000, serials: [...line.serials!, serial] }));
  }
  // A line of its own: plain scans of the product never share it.
  const [line] = addItem({ ...cart, lines: [] }, { ...product, weighed: false }, 1000, lineId).lines;
  return { ...cart, lines: [...cart.lines, { ...line!, serials: [serial] }] };
}

/** Takes one unit off a serial-tracked line; the last unit takes the line with it. */
export function removeSerialUnit(cart: Cart, lineId: string, rawSerial: string): Cart {
  const serial = normaliseSerial(rawSerial);
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line?.serials?.includes(serial)) throw new SalesError('unknown_serial', `serial number ${serial} is not on this line`, 'serial');
  if (line.serials.length === 1) return removeLine(cart, lineId);
  return mapLine(cart, lineId, (l) => ({ ...l, qtyMilli: l.qtyMilli - 1000, serials: l.serials!.filter((s) => s !== serial) }));
}

export function removeLine(cart: Cart, lineId: string): Cart {
  if (!cart.lines.some((l) => l.lineId === lineId)) {
    throw new SalesError('unknown_line', `no line ${lineId} in the cart`, 'lineId');
  }
  return { ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) };
}

export function setLineDiscount(cart: Cart, lineId: string, discount: Discount): Cart {
  assertDiscount(discount);
  return mapLine(cart, lineId, (line) => ({ ...line, discount }));
}

export function setCartDiscount(cart: Cart, cartDiscount: Discount): Cart {
  assertDiscount(cartDiscount);
  return { ...cart, cartDiscount };
}

/**
 * Sells a line at `price` instead of its list price. The reason is required because it
 * travels with the sale for the audit; setting the list price again clears the
 * override and needs no reason. Whether a manager must approve is needsManager's call.
 */
export function overridePrice(cart: Cart, lineId: string, price: number, reason: string): Cart {
  return mapLine(cart, lineId, (line) => {
    if (price === line.listPrice) return { ...line, unitPrice: price, overrideReason: null };
    const why = reason.trim();
    if (why === '') throw new SalesError('reason_required', 'a price override needs a reason', 'reason');
    if (why.length > OVERRIDE_REASON_MAX) {
      throw new SalesError('reason_too_long', `the reason is longer than ${OVERRIDE_REASON_MAX} characters`, 'reason');
    }
    return { ...line, unitPrice: price, overrideReason: why };
  });
}
