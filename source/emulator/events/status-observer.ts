import type {ExecutionRecord, StepRecord} from '../model.js';

/** What the engine tells whoever listens: each status change, once, at engine time `time` (epoch ms). */
export interface StatusObserver {
	executionChanged(execution: ExecutionRecord, time: number): void;
	stepChanged(execution: ExecutionRecord, step: StepRecord, time: number): void;
}
