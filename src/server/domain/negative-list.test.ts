import { describe, expect, it } from 'vitest';
import { checkNegativeList } from './negative-list.js';

const project = (name: string, tasks: string[] = [], estimatedInvestment = '500000.00') => ({
  name,
  tasks: tasks.map((item) => ({ item })),
  categoryL1: '产业发展',
  categoryL2: '生产',
  estimatedInvestment,
});

describe('negative list', () => {
  it('passes an ordinary industry project', () => {
    expect(checkNegativeList(project('东岗村香菇大棚建设项目', ['新建香菇大棚20座']))).toEqual([]);
  });
  it('finds forbidden uses in the name and the tasks', () => {
    expect(checkNegativeList(project('村部办公楼改造')).map((h) => h.code)).toEqual(['buildings']);
    const hits = checkNegativeList(project('产业发展项目', ['购置运输车辆2辆', '偿还债务']));
    expect(hits.map((h) => h.code).sort()).toEqual(['debt', 'vehicles']);
    expect(hits.find((h) => h.code === 'vehicles')?.matched).toBe('车辆');
  });
  it('flags large capital construction by size', () => {
    expect(checkNegativeList(project('产业园基础设施', [], '30000000.00')).map((h) => h.code)).toEqual([
      'large_construction',
    ]);
    expect(checkNegativeList(project('产业园基础设施', [], '29999999.99'))).toEqual([]);
  });
});
