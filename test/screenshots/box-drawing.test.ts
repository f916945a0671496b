import {describe, expect, it} from 'vitest';
import {boxDrawingShapes, isDrawnAsShapes, type Shape} from '../../source/screenshots/box-drawing.js';

// A 10×20 cell at the origin: light lines are 1.4 wide (20/14), doubles sit 2.1 either side of the centre.
const cell = {x: 0, y: 0, width: 10, height: 20};

type Rect = Extract<Shape, {kind: 'rect'}>;

function rects(char: string): Rect[] {
	return boxDrawingShapes(char, cell).filter((shape): shape is Rect => shape.kind === 'rect');
}

/** Whether any rectangle covers the point. */
function covers(shapes: Rect[], x: number, y: number): boolean {
	return shapes.some(rect => x >= rect.x - 1e-9 && x <= rect.x + rect.width + 1e-9 && y >= rect.y - 1e-9 && y <= rect.y + rect.height + 1e-9);
}

describe('boxDrawingShapes', () => {
	it('knows which characters it draws', () => {
		expect(isDrawnAsShapes('─')).toBe(true);
		expect(isDrawnAsShapes('█')).toBe(true);
		expect(isDrawnAsShapes('a')).toBe(false);
		expect(isDrawnAsShapes('✓')).toBe(false);
		expect(boxDrawingShapes('a', cell)).toEqual([]);
	});

	it('draws ─ and │ edge to edge through the centre so neighbours join', () => {
		expect(rects('─')).toEqual([{kind: 'rect', x: 0, y: 9.3, width: 10, height: 1.4}]);
		expect(rects('│')).toEqual([{kind: 'rect', x: 4.3, y: 0, width: 1.4, height: 20}]);
		expect(rects('━')[0]!.height).toBe(2.8);
	});

	it('draws ┌ with arms reaching the right and bottom edges and a filled corner', () => {
		const shapes = rects('┌');
		expect(covers(shapes, 10, 10)).toBe(true);
		expect(covers(shapes, 5, 20)).toBe(true);
		expect(covers(shapes, 4.4, 9.4)).toBe(true);
		expect(covers(shapes, 5, 0)).toBe(false);
		expect(covers(shapes, 0, 10)).toBe(false);
	});

	it('draws ╔ as two corners, outer and inner, with the gap between them empty', () => {
		const shapes = rects('╔');
		// Outer corner: top line and left line meet above-left of the centre.
		expect(covers(shapes, 2.9, 7.9)).toBe(true);
		// Inner corner: below-right of the centre.
		expect(covers(shapes, 7.1, 12.1)).toBe(true);
		// Both lines reach the right and bottom edges, and nothing leaks up or left.
		expect(covers(shapes, 10, 7.9) && covers(shapes, 10, 12.1)).toBe(true);
		expect(covers(shapes, 2.9, 20) && covers(shapes, 7.1, 20)).toBe(true);
		expect(covers(shapes, 5, 10)).toBe(false);
		expect(covers(shapes, 5, 0) || covers(shapes, 0, 10)).toBe(false);
	});

	it('draws ═ as two parallel full-width lines', () => {
		expect(rects('═')).toEqual([
			{kind: 'rect', x: 0, y: 7.2, width: 10, height: 1.4},
			{kind: 'rect', x: 0, y: 11.4, width: 10, height: 1.4},
		]);
	});

	it('draws rounded corners as a stroked arc from one edge to the other', () => {
		expect(boxDrawingShapes('╭', cell)).toEqual([{kind: 'stroke', d: 'M5,20V15A5,5 0 0 1 10,10H10', strokeWidth: 1.4}]);
		expect(boxDrawingShapes('╰', cell)).toEqual([{kind: 'stroke', d: 'M5,0V5A5,5 0 0 0 10,10H10', strokeWidth: 1.4}]);
	});

	it('draws block elements and shades as filled rectangles', () => {
		expect(rects('█')).toEqual([{kind: 'rect', x: 0, y: 0, width: 10, height: 20}]);
		expect(rects('▄')).toEqual([{kind: 'rect', x: 0, y: 10, width: 10, height: 10}]);
		expect(rects('▌')).toEqual([{kind: 'rect', x: 0, y: 0, width: 5, height: 20}]);
		expect(rects('░')).toEqual([{kind: 'rect', x: 0, y: 0, width: 10, height: 20, opacity: 0.25}]);
		expect(rects('▚')).toEqual([
			{kind: 'rect', x: 0, y: 0, width: 5, height: 10},
			{kind: 'rect', x: 5, y: 10, width: 5, height: 10},
		]);
	});

	it('draws dashed lines as separate dashes', () => {
		expect(rects('┄')).toHaveLength(3);
		expect(rects('╎')).toHaveLength(2);
	});
});
