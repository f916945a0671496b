/**
 * The screens `npm run screenshots` renders for the README. Each scene renders the real app
 * (against the emulator's demo seed at a fixed clock) with `captureInkOutput` from
 * ./capture-ink.js, e.g.
 *
 *   {name: 'list', title: 'ssmtop — executions', columns: 120, rows: 32,
 *    frame: size => captureInkOutput(<App … />, {...size, interact: async terminal => { … }})}
 *
 * (a scene file that uses JSX must be .tsx). Empty until the app can be rendered end to end.
 */
import type {Scene} from './run.js';

export const scenes: Scene[] = [];
