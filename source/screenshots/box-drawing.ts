/**
 * Box-drawing (U+2500–257F) and block elements (U+2580–259F) as geometry instead of glyphs:
 * fonts rarely fill the whole cell height, so drawn as text, borders show gaps between rows.
 * Drawn as shapes, every border joins its neighbours exactly, whatever font the viewer has.
 */

export type CellBox = {x: number; y: number; width: number; height: number};

export type Shape =
	| {kind: 'rect'; x: number; y: number; width: number; height: number; opacity?: number}
	/** A stroked path (arcs, diagonals), in the cell's foreground colour. */
	| {kind: 'stroke'; d: string; strokeWidth: number};

/** Arm weights: 0 none, 1 light, 2 heavy, 3 double; in the order up, right, down, left. */
type Weight = 0 | 1 | 2 | 3;
type Arms = readonly [Weight, Weight, Weight, Weight];

// One entry per code point from U+2500: "URDL" weights, or "" for characters drawn elsewhere.
const LINE_TABLE = [
	'0101', '0202', '1010', '2020', '', '', '', '', '', '', '', '', // ─━│┃ then dashes
	'0110', '0210', '0120', '0220', '0011', '0012', '0021', '0022', // ┌┍┎┏┐┑┒┓
	'1100', '1200', '2100', '2200', '1001', '1002', '2001', '2002', // └┕┖┗┘┙┚┛
	'1110', '1210', '2110', '1120', '2120', '2210', '1220', '2220', // ├┝┞┟┠┡┢┣
	'1011', '1012', '2011', '1021', '2021', '2012', '1022', '2022', // ┤┥┦┧┨┩┪┫
	'0111', '0112', '0211', '0212', '0121', '0122', '0221', '0222', // ┬┭┮┯┰┱┲┳
	'1101', '1102', '1201', '1202', '2101', '2102', '2201', '2202', // ┴┵┶┷┸┹┺┻
	'1111', '1112', '1211', '1212', '2111', '1121', '2121', '2112', // ┼┽┾┿╀╁╂╃
	'2211', '1122', '1221', '2212', '1222', '2122', '2221', '2222', // ╄╅╆╇╈╉╊╋
	'', '', '', '', // ╌╍╎╏ dashes
	'0303', '3030', '0310', '0130', '0330', '0013', '0031', '0033', // ═║╒╓╔╕╖╗
	'1300', '3100', '3300', '1003', '3001', '3003', '1310', '3130', // ╘╙╚╛╜╝╞╟
	'3330', '1013', '3031', '3033', '0313', '0131', '0333', '1303', // ╠╡╢╣╤╥╦╧
	'3101', '3303', '1313', '3131', '3333', // ╨╩╪╫╬
	'', '', '', '', '', '', '', // ╭╮╯╰╱╲╳
	'0001', '1000', '0100', '0010', '0002', '2000', '0200', '0020', // ╴╵╶╷╸╹╺╻
	'0201', '1020', '0102', '2010', // ╼╽╾╿
];

/** Dashed lines: code point → [arms, number of dashes]. */
const DASHES: Record<number, readonly [string, number]> = {
	0x2504: ['0101', 3], 0x2505: ['0202', 3], 0x2506: ['1010', 3], 0x2507: ['2020', 3],
	0x2508: ['0101', 4], 0x2509: ['0202', 4], 0x250a: ['1010', 4], 0x250b: ['2020', 4],
	0x254c: ['0101', 2], 0x254d: ['0202', 2], 0x254e: ['1010', 2], 0x254f: ['2020', 2],
};

function parseArms(code: string): Arms {
	return [...code].map(Number) as unknown as Arms;
}

/** Returns true when the character is drawn as shapes by {@link boxDrawingShapes}. */
export function isDrawnAsShapes(char: string): boolean {
	const codePoint = char.codePointAt(0) ?? 0;
	return char.length === 1 && codePoint >= 0x2500 && codePoint <= 0x259f;
}

type Metrics = {light: number; heavy: number; gap: number};

function metricsFor(cell: CellBox): Metrics {
	const light = Math.max(1, Math.round(cell.height / 14 * 10) / 10);
	return {light, heavy: light * 2, gap: light * 1.5};
}

/** How far a stroke of this weight reaches either side of the centre line. */
function halfWidth(weight: Weight, metrics: Metrics): number {
	if (weight === 1) return metrics.light / 2;
	if (weight === 2) return metrics.heavy / 2;
	if (weight === 3) return metrics.gap + metrics.light / 2;
	return 0;
}

/**
 * The shapes for one arm. Coordinates are computed along the arm's axis ("along" from the
 * centre towards the edge, "across" perpendicular), then mapped to x/y.
 */
function armShapes(direction: 0 | 1 | 2 | 3, arms: Arms, cell: CellBox, metrics: Metrics): Shape[] {
	const weight = arms[direction];
	const horizontal = direction === 1 || direction === 3;
	const sign = direction === 1 || direction === 2 ? 1 : -1;
	const centreX = cell.x + cell.width / 2;
	const centreY = cell.y + cell.height / 2;
	const reach = (horizontal ? cell.width : cell.height) / 2;
	const opposite = arms[(direction + 2) % 4]!;
	// The two perpendicular arms: "before" is up/left of the axis, "after" is down/right.
	const before = horizontal ? arms[0] : arms[3];
	const after = horizontal ? arms[2] : arms[1];

	/** A bar from `start` (signed distance from the centre along the arm) to the cell edge, `offset` across. */
	const bar = (start: number, offset: number, thickness: number): Shape => {
		const from = Math.min(start * sign, reach * sign);
		const to = Math.max(start * sign, reach * sign);
		if (horizontal) return {kind: 'rect', x: centreX + from, y: centreY + offset - thickness / 2, width: to - from, height: thickness};
		return {kind: 'rect', x: centreX + offset - thickness / 2, y: centreY + from, width: thickness, height: to - from};
	};

	if (weight === 3) {
		// Each of the two lines stops where it meets the perpendicular arm on its own side, or,
		// with none there, runs on to the far side of the other one (an outer corner).
		const inner = (side: Weight) => (side === 3 ? metrics.gap - metrics.light / 2 : halfWidth(side, metrics));
		const lineStart = (own: Weight, other: Weight) => {
			if (own !== 0) return inner(own);
			if (other !== 0) return -halfWidth(other, metrics);
			return opposite !== 0 ? -metrics.light / 2 : 0;
		};

		return [
			bar(lineStart(before, after), -metrics.gap, metrics.light),
			bar(lineStart(after, before), metrics.gap, metrics.light),
		];
	}

	const thickness = weight === 2 ? metrics.heavy : metrics.light;
	let start: number;
	if (opposite !== 0) start = -thickness / 2;
	else if (before === 3 && after === 3) start = metrics.gap - metrics.light / 2;
	else if (before === 3 || after === 3) start = -(metrics.gap + metrics.light / 2);
	else start = -Math.max(halfWidth(before, metrics), halfWidth(after, metrics));
	return [bar(start, 0, thickness)];
}

/** A straight line through the whole cell, for an axis whose two arms match (keeps the paths short). */
function straightThrough(horizontal: boolean, weight: Weight, cell: CellBox, metrics: Metrics): Shape[] {
	const offsets = weight === 3 ? [-metrics.gap, metrics.gap] : [0];
	const thickness = weight === 2 ? metrics.heavy : metrics.light;
	return offsets.map((offset): Shape =>
		horizontal
			? {kind: 'rect', x: cell.x, y: cell.y + cell.height / 2 + offset - thickness / 2, width: cell.width, height: thickness}
			: {kind: 'rect', x: cell.x + cell.width / 2 + offset - thickness / 2, y: cell.y, width: thickness, height: cell.height},
	);
}

function lineShapes(arms: Arms, cell: CellBox): Shape[] {
	const metrics = metricsFor(cell);
	const shapes: Shape[] = [];
	for (const [first, second] of [[1, 3], [0, 2]] as const) {
		const weight = arms[first];
		const perpendicular = arms[(first + 1) % 4]! + arms[(first + 3) % 4]!;
		// Doubles can only run straight through when nothing crosses them; singles and heavies always can.
		if (weight !== 0 && weight === arms[second] && (weight !== 3 || perpendicular === 0)) {
			shapes.push(...straightThrough(first === 1, weight, cell, metrics));
			continue;
		}

		for (const direction of [first, second]) if (arms[direction] !== 0) shapes.push(...armShapes(direction, arms, cell, metrics));
	}

	return shapes;
}

function dashShapes(arms: Arms, dashes: number, cell: CellBox): Shape[] {
	const metrics = metricsFor(cell);
	const horizontal = arms[1] !== 0;
	const thickness = (horizontal ? arms[1] : arms[0]) === 2 ? metrics.heavy : metrics.light;
	const length = horizontal ? cell.width : cell.height;
	const step = length / dashes;
	const dash = step * 0.6;
	return Array.from({length: dashes}, (_, index): Shape => {
		const along = index * step + (step - dash) / 2;
		return horizontal
			? {kind: 'rect', x: cell.x + along, y: cell.y + cell.height / 2 - thickness / 2, width: dash, height: thickness}
			: {kind: 'rect', x: cell.x + cell.width / 2 - thickness / 2, y: cell.y + along, width: thickness, height: dash};
	});
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

function arcShape(codePoint: number, cell: CellBox): Shape {
	const {light} = metricsFor(cell);
	const cx = round(cell.x + cell.width / 2);
	const cy = round(cell.y + cell.height / 2);
	const r = round(Math.min(cell.width, cell.height) / 2);
	const left = round(cell.x);
	const right = round(cell.x + cell.width);
	const top = round(cell.y);
	const bottom = round(cell.y + cell.height);
	const d = {
		0x256d: `M${cx},${bottom}V${round(cy + r)}A${r},${r} 0 0 1 ${round(cx + r)},${cy}H${right}`, // ╭
		0x256e: `M${left},${cy}H${round(cx - r)}A${r},${r} 0 0 1 ${cx},${round(cy + r)}V${bottom}`, // ╮
		0x256f: `M${cx},${top}V${round(cy - r)}A${r},${r} 0 0 1 ${round(cx - r)},${cy}H${left}`, // ╯
		0x2570: `M${cx},${top}V${round(cy - r)}A${r},${r} 0 0 0 ${round(cx + r)},${cy}H${right}`, // ╰
	}[codePoint]!;
	return {kind: 'stroke', d, strokeWidth: light};
}

function diagonalShape(codePoint: number, cell: CellBox): Shape {
	const {light} = metricsFor(cell);
	const left = round(cell.x);
	const right = round(cell.x + cell.width);
	const top = round(cell.y);
	const bottom = round(cell.y + cell.height);
	const rising = `M${left},${bottom}L${right},${top}`;
	const falling = `M${left},${top}L${right},${bottom}`;
	const d = codePoint === 0x2571 ? rising : codePoint === 0x2572 ? falling : rising + falling;
	return {kind: 'stroke', d, strokeWidth: light};
}

function blockShapes(codePoint: number, cell: CellBox): Shape[] {
	const {x, y, width, height} = cell;
	const rect = (left: number, top: number, w: number, h: number, opacity?: number): Shape =>
		opacity === undefined ? {kind: 'rect', x: left, y: top, width: w, height: h} : {kind: 'rect', x: left, y: top, width: w, height: h, opacity};
	if (codePoint === 0x2580) return [rect(x, y, width, height / 2)];
	if (codePoint >= 0x2581 && codePoint <= 0x2588) {
		const h = (height * (codePoint - 0x2580)) / 8;
		return [rect(x, y + height - h, width, h)];
	}

	if (codePoint >= 0x2589 && codePoint <= 0x258f) return [rect(x, y, (width * (0x2590 - codePoint)) / 8, height)];
	if (codePoint === 0x2590) return [rect(x + width / 2, y, width / 2, height)];
	if (codePoint >= 0x2591 && codePoint <= 0x2593) return [rect(x, y, width, height, (codePoint - 0x2590) * 0.25)];
	if (codePoint === 0x2594) return [rect(x, y, width, height / 8)];
	if (codePoint === 0x2595) return [rect(x + (width * 7) / 8, y, width / 8, height)];
	// Quadrants ▖▗▘▙▚▛▜▝▞▟: bits are upper-left, upper-right, lower-left, lower-right.
	const quadrants: Record<number, number> = {0x2596: 0b0010, 0x2597: 0b0001, 0x2598: 0b1000, 0x2599: 0b1011, 0x259a: 0b1001, 0x259b: 0b1110, 0x259c: 0b1101, 0x259d: 0b0100, 0x259e: 0b0110, 0x259f: 0b0111};
	const bits = quadrants[codePoint] ?? 0;
	const halfW = width / 2;
	const halfH = height / 2;
	return [
		...(bits & 0b1000 ? [rect(x, y, halfW, halfH)] : []),
		...(bits & 0b0100 ? [rect(x + halfW, y, halfW, halfH)] : []),
		...(bits & 0b0010 ? [rect(x, y + halfH, halfW, halfH)] : []),
		...(bits & 0b0001 ? [rect(x + halfW, y + halfH, halfW, halfH)] : []),
	];
}

/** The shapes that draw `char` inside `cell`; empty for characters not in the two blocks. */
export function boxDrawingShapes(char: string, cell: CellBox): Shape[] {
	if (!isDrawnAsShapes(char)) return [];
	const codePoint = char.codePointAt(0)!;
	if (codePoint >= 0x2580) return blockShapes(codePoint, cell);
	const dash = DASHES[codePoint];
	if (dash) return dashShapes(parseArms(dash[0]), dash[1], cell);
	if (codePoint >= 0x256d && codePoint <= 0x2570) return [arcShape(codePoint, cell)];
	if (codePoint >= 0x2571 && codePoint <= 0x2573) return [diagonalShape(codePoint, cell)];
	const code = LINE_TABLE[codePoint - 0x2500];
	return code ? lineShapes(parseArms(code), cell) : [];
}
