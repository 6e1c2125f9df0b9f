import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../test/fake-api';
import { Refresher } from './refresher';

/** A page whose visibility the test sets. */
class FakePage extends EventTarget {
  hidden = false;

  show(visible: boolean): void {
    this.hidden = !visible;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

describe('Refresher', () => {
  let page: FakePage;
  let refresher: Refresher | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    page = new FakePage();
  });

  afterEach(() => {
    refresher?.stop();
    vi.useRealTimers();
  });

  it('should load again after each interval', async () => {
    // given
    const load = vi.fn(async () => undefined);
    refresher = new Refresher(load, 10_000, page as unknown as Document);

    // when
    await refresher.now();
    await vi.advanceTimersByTimeAsync(20_000);

    // then
    expect(load).toHaveBeenCalledTimes(3);
    expect(load.mock.calls.map((call) => (call as unknown[])[1])).toEqual([{ background: false }, { background: true }, { background: true }]);
  });

  it('should not load while the page is hidden and load at once when it shows again', async () => {
    // given
    const load = vi.fn(async () => undefined);
    refresher = new Refresher(load, 10_000, page as unknown as Document);
    await refresher.now();

    // when
    page.show(false);
    await vi.advanceTimersByTimeAsync(60_000);

    // then
    expect(load).toHaveBeenCalledTimes(1);

    // and when it shows again
    page.show(true);
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('should not load on showing again when no tick was missed', async () => {
    // given
    const load = vi.fn(async () => undefined);
    refresher = new Refresher(load, 10_000, page as unknown as Document);
    await refresher.now();

    // when hidden and shown within the interval
    page.show(false);
    await vi.advanceTimersByTimeAsync(3_000);
    page.show(true);
    await settle();

    // then
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should take the next tick sooner when asked', async () => {
    // given
    const load = vi.fn(async () => undefined);
    refresher = new Refresher(load, 10_000, page as unknown as Document);
    await refresher.now();

    // when
    refresher.soon(2_000);
    await vi.advanceTimersByTimeAsync(2_000);

    // then
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should stop listening and loading once stopped', async () => {
    // given
    const load = vi.fn(async () => undefined);
    refresher = new Refresher(load, 10_000, page as unknown as Document);
    await refresher.now();
    page.show(false);
    await vi.advanceTimersByTimeAsync(10_000);

    // when
    refresher.stop();
    page.show(true);
    await vi.advanceTimersByTimeAsync(30_000);

    // then
    expect(load).toHaveBeenCalledTimes(1);
  });
});
