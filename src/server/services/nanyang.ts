/**
 * Public facts about the reference customer's city, shipped with the product so that the demo starts
 * with real county-level units: Nanyang (南阳市) and its 15 county-level units (NBS 2021 codes).
 */
export const NANYANG_CITY = { code: '411300000000', name: '南阳市' } as const;

export const NANYANG_COUNTIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: '411302000000', name: '宛城区' },
  { code: '411303000000', name: '卧龙区' },
  { code: '411321000000', name: '南召县' },
  { code: '411322000000', name: '方城县' },
  { code: '411323000000', name: '西峡县' },
  { code: '411324000000', name: '镇平县' },
  { code: '411325000000', name: '内乡县' },
  { code: '411326000000', name: '淅川县' },
  { code: '411327000000', name: '社旗县' },
  { code: '411328000000', name: '唐河县' },
  { code: '411329000000', name: '新野县' },
  { code: '411330000000', name: '桐柏县' },
  { code: '411371000000', name: '南阳高新技术产业开发区' },
  { code: '411372000000', name: '南阳市城乡一体化示范区' },
  { code: '411381000000', name: '邓州市' },
];

/**
 * Functional zones that have no statistical code and overlay whole towns. Their codes are the city's
 * 4-digit prefix + "Z" + a number, so that region-prefix scoping covers them under the city.
 */
export const NANYANG_ZONES: ReadonlyArray<{
  code: string;
  name: string;
  towns: ReadonlyArray<{ code: string; name: string }>;
}> = [
  { code: '4113Z1', name: '官庄工区', towns: [{ code: '411302102000', name: '官庄镇' }] },
  { code: '4113Z2', name: '职教园区（鸭河工区）', towns: [{ code: '411321103000', name: '皇路店镇' }] },
];
