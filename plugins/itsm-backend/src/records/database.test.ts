import { onFirstUse } from './database';

describe('onFirstUse', () => {
  it('makes the value once, on the first call', async () => {
    const create = jest.fn(async () => ({ store: 1 }));
    const store = onFirstUse(create);
    expect(create).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([store(), store()]);
    expect(a).toBe(b);
    expect(await store()).toBe(a);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failure', async () => {
    const create = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('not reachable yet'))
      .mockResolvedValue('connected');
    const store = onFirstUse(create);
    await expect(store()).rejects.toThrow('not reachable yet');
    expect(await store()).toBe('connected');
    expect(await store()).toBe('connected');
    expect(create).toHaveBeenCalledTimes(2);
  });
});
