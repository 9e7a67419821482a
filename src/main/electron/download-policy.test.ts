import { describe, expect, it } from 'vitest';
import { exportSaveDialog, isCoreDownload } from './download-policy';

const core = 'http://127.0.0.1:4870';

describe('downloads in the shell', () => {
  it('lets through the core’s files and the blobs of its pages, nothing else', () => {
    expect(isCoreDownload(`${core}/export?scope=event&format=csv`, core)).toBe(true);
    expect(isCoreDownload(`blob:${core}/3f2a9c1e-aaaa-bbbb-cccc-0123456789ab`, core)).toBe(true);
    expect(isCoreDownload('blob:http://evil.example/3f2a', core)).toBe(false);
    expect(isCoreDownload('https://evil.example/x.csv', core)).toBe(false);
    expect(isCoreDownload('file:///etc/passwd', core)).toBe(false);
    expect(isCoreDownload('blob:null/1234', core)).toBe(false);
  });
  it('proposes the export’s own name in the documents folder, with its type first', () => {
    const o = exportSaveDialog('pupitre-export-j1-seq1-2021-06-24.xlsx', '/home/regie/Documents');
    expect(o.defaultPath).toBe('/home/regie/Documents/pupitre-export-j1-seq1-2021-06-24.xlsx');
    expect(o.filters[0]).toEqual({ name: 'Classeur Excel', extensions: ['xlsx'] });
    expect(exportSaveDialog('a.csv', 'C:\\Users\\regie\\Documents').defaultPath).toBe('C:\\Users\\regie\\Documents\\a.csv');
  });
});
