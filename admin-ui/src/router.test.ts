import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router';

describe('router', () => {
  it('should split the path and read the query', () => {
    // when
    const route = parseRoute('#/instances?state=INCIDENT&definitionKey=order');

    // then
    expect(route.path).toEqual(['instances']);
    expect(route.query.get('state')).toBe('INCIDENT');
    expect(route.query.get('definitionKey')).toBe('order');
  });

  it('should decode a definition id with colons', () => {
    expect(parseRoute('#/processes/order%3A3%3Aabc').path).toEqual(['processes', 'order:3:abc']);
    expect(parseRoute('#/processes/order:3:abc').path).toEqual(['processes', 'order:3:abc']);
  });

  it('should read an empty hash as no path', () => {
    expect(parseRoute('').path).toEqual([]);
    expect(parseRoute('#/').path).toEqual([]);
  });

  it('should survive a stray percent sign', () => {
    expect(parseRoute('#/instances/50%').path).toEqual(['instances', '50%']);
  });

  it('should build a link that parses back, leaving out empty values', () => {
    // when
    const link = href(['processes', 'order:3:abc'], { heat: 1, empty: '', none: undefined });

    // then
    expect(link).toBe('#/processes/order%3A3%3Aabc?heat=1');
    expect(parseRoute(link).path).toEqual(['processes', 'order:3:abc']);
  });
});
