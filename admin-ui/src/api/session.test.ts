import { describe, expect, it } from 'vitest';
import { sessionHeaders } from './session';

describe('sessionHeaders', () => {
  it('should echo the XSRF-TOKEN cookie in X-XSRF-TOKEN', () => {
    // given
    const cookies = 'other=1; XSRF-TOKEN=abc%3D123; last=2';

    // when
    const headers = sessionHeaders(cookies);

    // then
    expect(headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': 'abc=123' });
  });

  it('should send no token header without the cookie', () => {
    // given / when
    const headers = sessionHeaders('JSESSIONID-like=1');

    // then
    expect(headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest' });
  });
});
