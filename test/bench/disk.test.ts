import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { directoryBytes } from '../../bench/lib/disk';

describe('directoryBytes', () => {
  test('adds up the files of a tree, without following symlinks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-disk-'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'one'), 'x'.repeat(100));
    fs.writeFileSync(path.join(dir, 'a', 'b', 'two'), 'y'.repeat(23));
    fs.symlinkSync(os.tmpdir(), path.join(dir, 'a', 'link'));
    expect(directoryBytes(dir)).toBe(123);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a missing folder holds nothing', () => {
    expect(directoryBytes(path.join(os.tmpdir(), 'does-not-exist-bench'))).toBe(0);
  });
});
