import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { inertCell, inertRows } from '#http/inertCells.js';
import { csvDownload } from '#http/responses.js';

describe('inertCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+2', `'+1+2`],
    ['-1+2', `'-1+2`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-', `'-`],
    ['- more help with rent', `'- more help with rent`],
  ])('puts a quote before %j, which a spreadsheet would run', (cell, inert) => {
    expect(inertCell(cell)).toBe(inert);
  });

  it.each(['-14', '+3', '-2.5', '0', '42', '.5', 'Worker sw-01', 'a=b', ' =1', '', "O'Neill", '2026-12-01'])('leaves %j as it is: a number or text that does not start a formula', (cell) => {
    expect(inertCell(cell)).toBe(cell);
  });

  it('works cell by cell over rows', () => {
    expect(inertRows([['=1', '-3'], ['x', '@y']])).toEqual([["'=1", '-3'], ['x', "'@y"]]);
  });
});

describe('csvDownload', () => {
  it('writes inert cells, still quoted so a CSV reader gets each cell back whole', () => {
    const body = csvDownload('x.csv', [['comment', '=HYPERLINK("http://x","y"), more', '-7', 'line\nbreak']]).body;
    expect(parse(body)).toEqual([['comment', `'=HYPERLINK("http://x","y"), more`, '-7', 'line\nbreak']]);
  });
});
