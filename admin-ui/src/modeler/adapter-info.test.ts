import { describe, expect, it } from 'vitest';
import { adapterDetails } from './adapter-info';

const ADAPTERS = [
  { name: 'payment-charge', kind: 'http', method: 'POST', url: '/demo/payment/charge', inputs: ['orderId', 'amount'], outputs: ['paymentId'] },
  { name: 'audit', kind: 'bean', inputs: [], outputs: [] },
];

describe('adapter details', () => {
  it('should show the URL, inputs and outputs of an HTTP adapter', () => {
    expect(adapterDetails('payment-charge', ADAPTERS)).toEqual([
      { label: 'Calls', value: 'POST /demo/payment/charge' },
      { label: 'Sends', value: 'orderId, amount' },
      { label: 'Returns', value: 'paymentId' },
    ]);
  });

  it('should say when a bean adapter declares nothing, an adapter is unknown, or none is chosen', () => {
    expect(adapterDetails('audit', ADAPTERS)).toEqual([
      { label: 'Calls', value: 'an adapter inside the engine (a Java bean)' },
      { label: 'Sends', value: 'none declared' },
      { label: 'Returns', value: 'none declared' },
    ]);
    expect(adapterDetails('gone', ADAPTERS)).toEqual([{ label: 'Calls', value: '"gone" is not an adapter the server knows' }]);
    expect(adapterDetails('', ADAPTERS)).toEqual([]);
  });
});
