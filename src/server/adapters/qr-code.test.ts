import QRCode from 'qrcode';
import { expect, it } from 'vitest';
import { QR_OPTIONS, qrPng } from './qr-code.js';

// Reference matrices made with the Python `qrcode` package (8-bit byte mode, level M, fixed mask), each
// row as a hexadecimal number of its modules (dark = 1): the npm package with our options must agree.
const SMALL = [
  '1fc49c7f',
  '10550141',
  '1750475d',
  '1754cb5d',
  '174c465d',
  '10460041',
  '1fd5557f',
  '1c0000',
  '105fb9ce',
  '17243716',
  '15e93c50',
  'a036050',
  '26e60c1',
  '90a6ed7',
  'ce1b084',
  '13055565',
  '11ffb984',
  '1e1d665f',
  '1edfef01',
  '148d0070',
  '10dbbbf7',
  '173318',
  '1fc62f5c',
  '104b5511',
  '174fe3f2',
  '17442521',
  '174cf15a',
  '104ee245',
  '1fd54c1c',
];
const BIG = [
  '1fd18b13e3847f',
  '10582d0edd0641',
  '1743248b35c25d',
  '17571302e38d5d',
  '1748a75f28645d',
  '1042665140d441',
  '1fd5555555557f',
  '15af91835900',
  '16ee0adf8e3f4b',
  '82bb9dfe30ea9',
  '19d78d32d68fee',
  '616ddeb35a259',
  '1eeafa36e3ad37',
  '71cf06538cb05',
  '6c7a85360dc83',
  'd8cea38983488',
  '3e7668078e280',
  'a00bc088e1ae8',
  '12d715488d41d8',
  '33ff74f83593e',
  '2d86bad8639ed',
  '21672b3e38e33',
  '147243eed60e6e',
  '1f9c9273354173',
  '15fb241fe34df6',
  '51f485108e31d',
  '5549d7550d55b',
  '71ee23158f11b',
  '13f0a3bf38abf8',
  '4ad053d8e3ac4',
  'cde168f0de03c',
  '11886a2837a66',
  'eedf0c78e1336',
  '13ab14e2e3b4f3',
  '8e81e39d6052e',
  'd3fbfc7b58103',
  '17c6218238d86',
  '1c23e050b8e1c5',
  '1e50b55863f763',
  'b3a9b18543658',
  '1754ba2e30e130',
  'e3433fd8c3ae8',
  '1be28f930c6038',
  'c0422be83db6e',
  '27f1edfae3bfd',
  '148bf1e38f19',
  '1fd3fbf5f68f56',
  '1059a01135cd13',
  '17473a5fe30bfe',
  '1759730d38603d',
  '175a30ce605ce8',
  '104bb803581632',
  '1fdfc74e38c16a',
];

/** The module matrix the npm package makes for `text` with the poster's options and a fixed mask. */
function modules(text: string, mask: number): boolean[][] {
  const code = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel,
    maskPattern: mask as QRCode.QRCodeMaskPattern,
  });
  const size = code.modules.size;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => Boolean(code.modules.get(row, col))),
  );
}

const asHex = (m: boolean[][]) =>
  m.map((row) => BigInt(`0b${row.map((c) => (c ? '1' : '0')).join('')}`).toString(16));

it('encodes a version 3 code like the reference implementation (mask 5)', () => {
  expect(asHex(modules('http://127.0.0.1:8080/declare/411302101201', 5))).toEqual(SMALL);
});

it('encodes a version 7+ code with version information like the reference (mask 3)', () => {
  const text = `https://shoudi.example.gov.cn/declare/411302101201?x=${'a'.repeat(120)}`;
  expect(asHex(modules(text, 3))).toEqual(BIG);
});

it('writes the poster PNG: version 3 for a village URL, a 4-module quiet zone, 12 pixels a module', async () => {
  const png = await qrPng('http://127.0.0.1:8080/declare/411302101201');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBe((29 + 8) * 12); // IHDR width
  expect(png.readUInt32BE(20)).toBe((29 + 8) * 12); // IHDR height
});
