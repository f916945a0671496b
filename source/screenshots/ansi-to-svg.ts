/**
 * Converts a terminal frame (text with ANSI escapes, as Ink/chalk write it) into a standalone SVG
 * that looks like a terminal window. The grid is locked: every glyph gets an explicit x position,
 * and box-drawing/block characters are drawn as shapes so borders join whatever the font.
 */
import {boxDrawingShapes, isDrawnAsShapes, type Shape} from './box-drawing.js';
import {darkTheme, resolveColor, type TerminalTheme} from './palette.js';
import type {CellStyle} from './sgr.js';
import {renderAnsiToScreen, type Cell, type Screen} from './terminal-screen.js';

export type SvgOptions = {
	/** Text shown centred in the window's title bar. */
	title?: string;
	theme?: TerminalTheme;
	/** Font size in px (default 14). */
	fontSize?: number;
	fontFamily?: string;
	/** Cell width in px (default 0.6 × fontSize, the advance of common monospace fonts). */
	cellWidth?: number;
	/** Cell height in px (default round(1.25 × fontSize)). */
	cellHeight?: number;
	/** Draw the window frame and title bar (default true); false gives just the terminal area. */
	chrome?: boolean;
};

export type FrameSvgOptions = SvgOptions & {columns: number; rows: number};

export const defaultFontFamily = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

const PADDING = 12;
const TITLE_BAR = 32;

export type SvgLayout = {
	cellWidth: number;
	cellHeight: number;
	fontSize: number;
	/** Where cell (0, 0) starts inside the SVG. */
	originX: number;
	originY: number;
	width: number;
	height: number;
	/** Baseline of the text inside a cell, from the cell's top. */
	baseline: number;
};

export function svgLayout(columns: number, rows: number, options: SvgOptions = {}): SvgLayout {
	const fontSize = options.fontSize ?? 14;
	const cellWidth = options.cellWidth ?? round(fontSize * 0.6);
	const cellHeight = options.cellHeight ?? Math.round(fontSize * 1.25);
	const chrome = options.chrome ?? true;
	const originX = chrome ? PADDING : 0;
	const originY = chrome ? TITLE_BAR + PADDING / 2 : 0;
	return {
		cellWidth,
		cellHeight,
		fontSize,
		originX,
		originY,
		width: round(originX * 2 + columns * cellWidth),
		height: round(originY + rows * cellHeight + (chrome ? PADDING : 0)),
		// Centre the em box vertically, then drop to the baseline (about 0.8 em below its top).
		baseline: round((cellHeight - fontSize) / 2 + fontSize * 0.8),
	};
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

const XML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'};

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
	return text
		// Removing the control characters XML forbids is the point.
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/[&<>"']/g, char => XML_ESCAPES[char]!);
}

type Colors = {fg: string; bg: string | undefined};

/** The colours a cell is painted with, after inverse; `bg` is undefined for the window background. */
function cellColors(style: CellStyle, theme: TerminalTheme): Colors {
	const fg = resolveColor(style.fg, theme, theme.foreground);
	const bg = style.bg === undefined ? undefined : resolveColor(style.bg, theme, theme.background);
	if (style.inverse) return {fg: bg ?? theme.background, bg: fg};
	return {fg, bg};
}

type TextRun = {column: number; chars: string[]; columns: number[]; fg: string; bold: boolean; italic: boolean; dim: boolean};

function runKey(run: Pick<TextRun, 'fg' | 'bold' | 'italic' | 'dim'>): string {
	return `${run.fg}|${run.bold}|${run.italic}|${run.dim}`;
}

/** Splits one line into runs of same-styled text; spaces between two cells of one style stay inside the run. */
function textRuns(line: readonly Cell[], theme: TerminalTheme): TextRun[] {
	const runs: TextRun[] = [];
	let current: TextRun | undefined;
	let pendingSpaces: number[] = [];
	const flush = () => {
		if (current) runs.push(current);
		current = undefined;
		pendingSpaces = [];
	};

	line.forEach((cell, column) => {
		if (cell.width === 0) return;
		if (cell.char === ' ' || cell.char === '' || cell.style.hidden) {
			if (current) pendingSpaces.push(column);
			return;
		}

		if (isDrawnAsShapes(cell.char)) {
			flush();
			return;
		}

		const style = {fg: cellColors(cell.style, theme).fg, bold: Boolean(cell.style.bold), italic: Boolean(cell.style.italic), dim: Boolean(cell.style.dim)};
		// A cluster of several UTF-16 units (astral or combined) cannot share an x list with others:
		// SVG assigns positions per code unit, so it gets a text element of its own.
		const alone = cell.char.length > 1;
		if (current && !alone && cell.char.length === 1 && current.chars.every(char => char.length === 1) && runKey(current) === runKey(style)) {
			for (const space of pendingSpaces) {
				current.chars.push(' ');
				current.columns.push(space);
			}

			pendingSpaces = [];
			current.chars.push(cell.char);
			current.columns.push(column);
			return;
		}

		flush();
		current = {column, chars: [cell.char], columns: [column], ...style};
		if (alone) flush();
	});
	flush();
	return runs;
}

type Fill = {color: string; opacity?: number};

/** Collects filled rectangles and strokes per colour, so each colour becomes one path. */
class ShapeSink {
	private readonly fills = new Map<string, string[]>();
	private readonly strokes = new Map<string, string[]>();

	rect(fill: Fill, x: number, y: number, width: number, height: number): void {
		const key = fill.opacity === undefined ? fill.color : `${fill.color}|${fill.opacity}`;
		const list = this.fills.get(key) ?? [];
		list.push(`M${round(x)},${round(y)}h${round(width)}v${round(height)}h${round(-width)}z`);
		this.fills.set(key, list);
	}

	stroke(color: string, width: number, d: string): void {
		const key = `${color}|${width}`;
		const list = this.strokes.get(key) ?? [];
		list.push(d);
		this.strokes.set(key, list);
	}

	toSvg(): string[] {
		const out: string[] = [];
		for (const [key, parts] of this.fills) {
			const [color, opacity] = key.split('|');
			out.push(`<path fill="${color}"${opacity ? ` fill-opacity="${opacity}"` : ''} d="${parts.join('')}"/>`);
		}

		for (const [key, parts] of this.strokes) {
			const [color, width] = key.split('|');
			out.push(`<path fill="none" stroke="${color}" stroke-width="${width}" stroke-linecap="butt" d="${parts.join('')}"/>`);
		}

		return out;
	}
}

function backgroundRects(screen: Screen, theme: TerminalTheme, layout: SvgLayout): string[] {
	const rects: string[] = [];
	screen.lines.forEach((line, row) => {
		let start = 0;
		let color: string | undefined;
		const close = (end: number) => {
			if (color !== undefined && end > start) {
				rects.push(`<rect x="${round(start * layout.cellWidth)}" y="${round(row * layout.cellHeight)}" width="${round((end - start) * layout.cellWidth)}" height="${layout.cellHeight}" fill="${color}"/>`);
			}
		};

		line.forEach((cell, column) => {
			const bg = cellColors(cell.style, theme).bg;
			if (bg === color) return;
			close(column);
			start = column;
			color = bg;
		});
		close(line.length);
	});
	return rects;
}

function decorations(screen: Screen, theme: TerminalTheme, layout: SvgLayout): ShapeSink {
	const sink = new ShapeSink();
	const thickness = Math.max(1, round(layout.fontSize / 14));
	screen.lines.forEach((line, row) => {
		line.forEach((cell, column) => {
			if (cell.width === 0 || cell.style.hidden) return;
			const {fg} = cellColors(cell.style, theme);
			const fill: Fill = cell.style.dim ? {color: fg, opacity: 0.6} : {color: fg};
			const x = column * layout.cellWidth;
			const y = row * layout.cellHeight;
			const width = cell.width * layout.cellWidth;
			for (const shape of boxDrawingShapes(cell.char, {x, y, width: layout.cellWidth, height: layout.cellHeight})) addShape(sink, shape, fill);
			if (cell.style.underline) sink.rect(fill, x, y + layout.baseline + 2, width, thickness);
			if (cell.style.strikethrough) sink.rect(fill, x, y + layout.baseline - layout.fontSize * 0.3, width, thickness);
		});
	});
	return sink;
}

function addShape(sink: ShapeSink, shape: Shape, fill: Fill): void {
	if (shape.kind === 'stroke') {
		sink.stroke(fill.color, shape.strokeWidth, shape.d);
		return;
	}

	const opacity = shape.opacity === undefined ? fill.opacity : shape.opacity * (fill.opacity ?? 1);
	sink.rect(opacity === undefined ? {color: fill.color} : {color: fill.color, opacity: round(opacity)}, shape.x, shape.y, shape.width, shape.height);
}

function textElements(screen: Screen, theme: TerminalTheme, layout: SvgLayout): string[] {
	return screen.lines.flatMap((line, row) =>
		textRuns(line, theme).map(run => {
			const xs = run.columns.map(column => round(column * layout.cellWidth)).join(' ');
			const attributes = [
				`x="${xs}"`,
				`y="${round(row * layout.cellHeight + layout.baseline)}"`,
				`fill="${run.fg}"`,
				run.bold ? 'font-weight="bold"' : '',
				run.italic ? 'font-style="italic"' : '',
				run.dim ? 'opacity="0.6"' : '',
			].filter(Boolean);
			return `<text ${attributes.join(' ')}>${escapeXml(run.chars.join(''))}</text>`;
		}),
	);
}

function windowChrome(layout: SvgLayout, theme: TerminalTheme, title: string | undefined, fontFamily: string): string[] {
	const dots = ['#ff5f56', '#ffbd2e', '#27c93f'].map((color, index) => `<circle cx="${20 + index * 20}" cy="${TITLE_BAR / 2}" r="6" fill="${color}"/>`);
	const titleText = title
		? [`<text x="${round(layout.width / 2)}" y="${TITLE_BAR / 2 + 4.5}" text-anchor="middle" fill="#9a9a9a" font-family="${escapeXml(fontFamily)}" font-size="13">${escapeXml(title)}</text>`]
		: [];
	return [
		`<rect class="window" width="${layout.width}" height="${layout.height}" rx="8" fill="${theme.background}" stroke="#3c3c3c"/>`,
		`<g class="title-bar">`,
		...dots,
		...titleText,
		`</g>`,
	];
}

/** Renders an already-parsed screen to SVG. */
export function screenToSvg(screen: Screen, options: SvgOptions = {}): string {
	const theme = options.theme ?? darkTheme;
	const fontFamily = options.fontFamily ?? defaultFontFamily;
	const layout = svgLayout(screen.columns, screen.rows, options);
	const chrome = options.chrome ?? true;
	const label = options.title ?? 'terminal';
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(label)}">`,
		`<title>${escapeXml(label)}</title>`,
		`<style>.text{font-family:${escapeXml(fontFamily)};font-size:${layout.fontSize}px;white-space:pre}</style>`,
		...(chrome ? windowChrome(layout, theme, options.title, fontFamily) : [`<rect class="window" width="${layout.width}" height="${layout.height}" fill="${theme.background}"/>`]),
		`<g class="terminal" transform="translate(${layout.originX},${layout.originY})">`,
		`<g class="bg" shape-rendering="crispEdges">`,
		...backgroundRects(screen, theme, layout),
		`</g>`,
		`<g class="shapes">`,
		...decorations(screen, theme, layout).toSvg(),
		`</g>`,
		`<g class="text" xml:space="preserve">`,
		...textElements(screen, theme, layout),
		`</g>`,
		`</g>`,
		`</svg>`,
		'',
	].join('\n');
}

/** Converts a terminal frame to a standalone SVG of `columns` × `rows` cells. */
export function ansiToSvg(frame: string, options: FrameSvgOptions): string {
	const {columns, rows, ...rest} = options;
	return screenToSvg(renderAnsiToScreen(frame, {columns, rows}), rest);
}
