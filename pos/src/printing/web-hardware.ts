/**
 * The parts of Web Serial and WebUSB the till uses. TypeScript's DOM library has neither
 * (both are Chromium-only), so they are declared here, to the shapes in the WICG specs.
 */

export interface SerialPortInfo {
  usbVendorId?: number;
  usbProductId?: number;
}

export interface SerialPortLike {
  getInfo(): SerialPortInfo;
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly writable: WritableStream<Uint8Array> | null;
}

export interface SerialLike {
  getPorts(): Promise<SerialPortLike[]>;
  requestPort(options?: { filters?: SerialPortInfo[] }): Promise<SerialPortLike>;
}

export interface UsbEndpointLike {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
}

export interface UsbInterfaceLike {
  interfaceNumber: number;
  alternate: { interfaceClass: number; endpoints: UsbEndpointLike[] };
}

export interface UsbDeviceLike {
  vendorId: number;
  productId: number;
  serialNumber?: string | null;
  productName?: string | null;
  opened: boolean;
  configuration: { configurationValue: number; interfaces: UsbInterfaceLike[] } | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferOut(endpointNumber: number, data: BufferSource): Promise<{ status: 'ok' | 'stall' | 'babble'; bytesWritten: number }>;
}

export interface UsbLike {
  getDevices(): Promise<UsbDeviceLike[]>;
  requestDevice(options: { filters: { vendorId?: number; classCode?: number }[] }): Promise<UsbDeviceLike>;
}

/** navigator.serial, when this browser has it (Chromium on desktop, served over HTTPS or localhost). */
export function webSerial(): SerialLike | null {
  return (globalThis.navigator as { serial?: SerialLike } | undefined)?.serial ?? null;
}

export function webUsb(): UsbLike | null {
  return (globalThis.navigator as { usb?: UsbLike } | undefined)?.usb ?? null;
}
