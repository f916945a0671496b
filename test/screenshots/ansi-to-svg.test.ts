import {describe, expect, it} from 'vitest';
import {ansiToSvg, escapeXml, svgLayout} from '../../source/screenshots/ansi-to-svg.js';
import {darkTheme} from '../../source/screenshots/palette.js';
import {xmlProblems} from './xml-well-formed.js';

const ESC = '\u001B';
// 10 px cells make the expected x positions readable.
const grid = {columns: 12, rows: 3, fontSize: 14, cellWidth: 10, cellHeight: 20, chrome: false} as const;

function texts(svg: string): string[] {
	return [...svg.matchAll(/<text [^>]*>[^<]*<\/text>/g)].map(match => match[0]).filter(text => !text.includes('text-anchor'));
}

describe('escapeXml', () => {
	it('escapes markup characters and drops characters XML cannot hold', () => {
		expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
		expect(escapeXml('a\u0001b\uFFFFc\uD800d')).toBe('abcd');
		expect(escapeXml('🚀')).toBe('🚀');
	});
});

describe('svgLayout', () => {
	it('derives the cell grid and window size from the font size', () => {
		expect(svgLayout(80, 24)).toEqual({cellWidth: 8.4, cellHeight: 18, fontSize: 14, originX: 12, originY: 38, width: 696, height: 482, baseline: 13.2});
		expect(svgLayout(10, 2, {chrome: false, cellWidth: 10, cellHeight: 20})).toMatchObject({originX: 0, originY: 0, width: 100, height: 40});
	});
});

describe('ansiToSvg', () => {
	it('writes one text element per run of same-styled cells, with an x for every cell', () => {
		const svg = ansiToSvg(`ab ${ESC}[31mcd${ESC}[39m e\nxy`, grid);
		const red = darkTheme.ansi[1]!;
		const fg = darkTheme.foreground;
		expect(texts(svg)).toEqual([
			`<text x="0 10" y="14.2" fill="${fg}">ab</text>`,
			`<text x="30 40" y="14.2" fill="${red}">cd</text>`,
			`<text x="60" y="14.2" fill="${fg}">e</text>`,
			`<text x="0 10" y="34.2" fill="${fg}">xy</text>`,
		]);
	});

	it('keeps spaces between same-styled cells inside one run', () => {
		const svg = ansiToSvg(`${ESC}[1ma  b${ESC}[0m`, grid);
		expect(texts(svg)).toEqual([`<text x="0 10 20 30" y="14.2" fill="${darkTheme.foreground}" font-weight="bold">a  b</text>`]);
	});

	it('resolves 256-colour and truecolor, italic and dim', () => {
		const svg = ansiToSvg(`${ESC}[38;5;208;3mo${ESC}[0m${ESC}[38;2;1;2;3;2mt`, grid);
		expect(texts(svg)).toEqual([
			'<text x="0" y="14.2" fill="#ff8700" font-style="italic">o</text>',
			'<text x="10" y="14.2" fill="#010203" opacity="0.6">t</text>',
		]);
	});

	it('paints backgrounds as merged rectangles on the cell grid, inverse swapping the colours', () => {
		const svg = ansiToSvg(`${ESC}[44mabc${ESC}[0m ${ESC}[7mX${ESC}[0m`, grid);
		expect(svg).toContain(`<rect x="0" y="0" width="30" height="20" fill="${darkTheme.ansi[4]}"/>`);
		expect(svg).toContain(`<rect x="40" y="0" width="10" height="20" fill="${darkTheme.foreground}"/>`);
		expect(texts(svg)).toContain(`<text x="40" y="14.2" fill="${darkTheme.background}">X</text>`);
	});

	it('escapes text content and the title', () => {
		const svg = ansiToSvg(`a<b>&"c"`, {...grid, chrome: true, title: 'x & <y>'});
		expect(texts(svg)).toEqual([`<text x="0 10 20 30 40 50 60 70" y="14.2" fill="${darkTheme.foreground}">a&lt;b&gt;&amp;&quot;c&quot;</text>`]);
		expect(svg).toContain('<title>x &amp; &lt;y&gt;</title>');
		expect(svg).toContain('>x &amp; &lt;y&gt;</text>');
		expect(xmlProblems(svg)).toEqual([]);
	});

	it('draws box-drawing characters as shapes, not text, in their foreground colour', () => {
		const svg = ansiToSvg(`${ESC}[32m┌─┐${ESC}[0m`, grid);
		expect(texts(svg)).toEqual([]);
		const path = /<path fill="(#[0-9a-f]{6})" d="([^"]+)"\/>/.exec(svg);
		expect(path?.[1]).toBe(darkTheme.ansi[2]);
		// The ─ in the middle cell spans its whole width at the vertical centre.
		expect(path?.[2]).toContain('M10,9.3h10v1.4h-10z');
	});

	it('gives astral characters a text element of their own', () => {
		const svg = ansiToSvg('a🚀b', grid);
		expect(texts(svg)).toEqual([
			`<text x="0" y="14.2" fill="${darkTheme.foreground}">a</text>`,
			`<text x="10" y="14.2" fill="${darkTheme.foreground}">🚀</text>`,
			`<text x="30" y="14.2" fill="${darkTheme.foreground}">b</text>`,
		]);
	});

	it('draws underline and strikethrough as bars and hides concealed text', () => {
		const svg = ansiToSvg(`${ESC}[4mu${ESC}[24m${ESC}[8ms${ESC}[0m`, grid);
		expect(texts(svg)).toEqual([`<text x="0" y="14.2" fill="${darkTheme.foreground}">u</text>`]);
		expect(svg).toMatch(/<path fill="#d4d4d4" d="M0,\d+(\.\d+)?h10v1h-10z"\/>/);
	});

	it('produces a well-formed standalone SVG with the window chrome', () => {
		const frame = `╭────╮\n│${ESC}[1;32m✓ ok${ESC}[0m│\n╰────╯`;
		const svg = ansiToSvg(frame, {columns: 6, rows: 3, title: 'demo'});
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="74.4" height="104"')).toBe(true);
		expect(svg).toContain('xml:space="preserve"');
		expect(svg).toContain('class="title-bar"');
		expect(svg).toContain('font-family:ui-monospace');
		expect(xmlProblems(svg)).toEqual([]);
	});
});
