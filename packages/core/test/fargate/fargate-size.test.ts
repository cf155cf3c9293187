import { FargateSize } from '../../src';
import { errorOf } from '../error-of';

describe('validPairs', () => {
  const pairs = FargateSize.validPairs();
  const memoryFor = (cpu: number) => pairs.filter((p) => p.cpu === cpu).map((p) => p.memory);

  test('the Fargate table, row by row', () => {
    expect(memoryFor(256)).toEqual([512, 1024, 2048]);
    expect(memoryFor(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(memoryFor(1024)).toEqual([2048, 3072, 4096, 5120, 6144, 7168, 8192]);
    expect(memoryFor(2048)).toEqual(Array.from({ length: 13 }, (_, i) => 4096 + i * 1024));
    expect(memoryFor(2048).at(-1)).toBe(16384);
    expect(memoryFor(4096)).toEqual(Array.from({ length: 23 }, (_, i) => 8192 + i * 1024));
    expect(memoryFor(4096).at(-1)).toBe(30720);
    expect(memoryFor(8192)).toEqual(Array.from({ length: 12 }, (_, i) => 16384 + i * 4096));
    expect(memoryFor(8192).at(-1)).toBe(61440);
    expect(memoryFor(16384)).toEqual(Array.from({ length: 12 }, (_, i) => 32768 + i * 8192));
    expect(memoryFor(16384).at(-1)).toBe(122880);
  });

  test('ordered by cpu then memory, no duplicates', () => {
    expect(pairs).toHaveLength(3 + 4 + 7 + 13 + 23 + 12 + 12);
    const sorted = [...pairs].sort((a, b) => a.cpu - b.cpu || a.memory - b.memory);
    expect(pairs).toEqual(sorted);
    expect(new Set(pairs.map((p) => `${p.cpu}/${p.memory}`)).size).toBe(pairs.length);
  });

  test('each call returns a fresh list', () => {
    const first = FargateSize.validPairs();
    first.pop();
    expect(FargateSize.validPairs()).toHaveLength(pairs.length);
  });
});

describe('validate', () => {
  test('every listed pair is valid and returned as is', () => {
    for (const pair of FargateSize.validPairs()) {
      expect(FargateSize.validate(pair.cpu, pair.memory)).toEqual(pair);
    }
  });

  test.each([
    [300, 512, 'cpu', 'cpu: 300 is not a Fargate CPU value (256, 512, 1024, 2048, 4096, 8192, 16384)'],
    [32768, 65536, 'cpu', 'cpu: 32768 is not a Fargate CPU value (256, 512, 1024, 2048, 4096, 8192, 16384)'],
    [256, 4096, 'memory', 'memory: 4096 is not valid with 256 cpu (valid memory for 256 cpu: 512, 1024, 2048)'],
    [256, 256, 'memory', 'memory: 256 is not valid with 256 cpu (valid memory for 256 cpu: 512, 1024, 2048)'],
    [512, 512, 'memory', 'memory: 512 is not valid with 512 cpu (valid memory for 512 cpu: 1024, 2048, 3072, 4096)'],
    [1024, 1536, 'memory', 'memory: 1536 is not valid with 1024 cpu (valid memory for 1024 cpu: 2048, 3072, 4096, 5120, 6144, 7168, 8192)'],
    [8192, 17408, 'memory', 'memory: 17408 is not valid with 8192 cpu (valid memory for 8192 cpu: 16384, 20480, 24576, 28672, 32768, 36864, 40960, 45056, 49152, 53248, 57344, 61440)'],
    [16384, 122881, 'memory', 'memory: 122881 is not valid with 16384 cpu (valid memory for 16384 cpu: 32768, 40960, 49152, 57344, 65536, 73728, 81920, 90112, 98304, 106496, 114688, 122880)'],
  ])('cpu %i memory %i', (cpu, memory, field, message) => {
    const error = errorOf(() => FargateSize.validate(cpu, memory));
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });

  test('the field prefix', () => {
    expect(errorOf(() => FargateSize.validate(256, 4096, 'jobs[2]')).message)
      .toBe('jobs[2].memory: 4096 is not valid with 256 cpu (valid memory for 256 cpu: 512, 1024, 2048)');
    expect(errorOf(() => FargateSize.validate(100, 512, 'jobs[2]')).field).toBe('jobs[2].cpu');
  });

  test('the caller\'s names, whole', () => {
    const names = { cpuField: '--cpu', memoryField: '--memory' };
    expect(errorOf(() => FargateSize.validate(256, 4096, undefined, names)).message)
      .toBe('--memory: 4096 is not valid with 256 cpu (valid memory for 256 cpu: 512, 1024, 2048)');
    expect(errorOf(() => FargateSize.validate(100, 512, 'jobs[2]', names)).field).toBe('--cpu');
  });
});

describe('forLambda', () => {
  test.each([
    [128, 256, 512],
    [442, 256, 512], // 0.2499 vCPU
    [443, 512, 1024], // 0.2504 vCPU: more than 256 cpu gives
    [884, 512, 1024],
    [885, 1024, 2048],
    [1024, 1024, 2048], // 1024/1769 = 0.58 vCPU: 512 cpu is 0.5, too little
    [1768, 1024, 2048],
    [1769, 1024, 2048], // exactly one vCPU
    [1770, 2048, 4096], // a hair above one vCPU
    [3008, 2048, 4096], // 1.70 vCPU
    [3538, 2048, 4096], // exactly two vCPU
    [3539, 4096, 8192],
    [10240, 8192, 16384], // 5.79 vCPU
  ])('%i MB -> %i cpu / %i MiB', (mb, cpu, memory) => {
    expect(FargateSize.forLambda(mb)).toEqual({ cpu, memory });
  });

  test('never gives less memory or less CPU than Lambda, and is the smallest such pair', () => {
    const pairs = FargateSize.validPairs();
    for (let mb = 128; mb <= 10240; mb += 1) {
      const size = FargateSize.forLambda(mb);
      expect(size.memory).toBeGreaterThanOrEqual(mb);
      expect(size.cpu / 1024).toBeGreaterThanOrEqual(mb / 1769);
      const smaller = pairs.filter((p) => (p.cpu < size.cpu || (p.cpu === size.cpu && p.memory < size.memory))
        && p.memory >= mb && p.cpu / 1024 >= mb / 1769);
      expect(smaller).toEqual([]);
    }
  });

  test.each([127, 10241, 0, -1, 1.5, Number.NaN])('%p MB is out of range', (mb) => {
    const error = errorOf(() => FargateSize.forLambda(mb));
    expect(error.field).toBe('lambdaMemoryMb');
    expect(error.message).toBe(`lambdaMemoryMb: ${mb} is out of range (an integer, 128-10240 MB, Lambda's memory range)`);
  });
});
