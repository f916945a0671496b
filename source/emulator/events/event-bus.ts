import type {ExecutionRecord, StepRecord} from '../model.js';
import {executionEvent, stepEvent, type AutomationEvent} from './automation-events.js';
import {matchesPattern, type EventPattern} from './pattern.js';
import type {StatusObserver} from './status-observer.js';

export interface EventTarget {
	readonly pattern: EventPattern;
	/** `at`: the change's engine time (epoch ms), which the event's `time` shows to the second. */
	deliver(event: AutomationEvent, at: number): void;
}

/**
 * The default event buses of every account and Region, seen as one: the engine reports each status
 * change here, and each event goes to every target whose rule matches it (the organisation bus → SQS
 * route is such a target). Changes replayed before the emulator started (the seed's history) are
 * not published: a queue created at start has never seen them.
 */
export class EventBus implements StatusObserver {
	private readonly targets: EventTarget[] = [];
	/** Events published since the last reset, by detail-type. */
	readonly published: Record<string, number> = {};
	private origin = Number.POSITIVE_INFINITY;

	/** Publish only what happens from `origin` on (the engine's start; history replays before it). */
	startAt(origin: number): void {
		this.origin = origin;
		for (const key of Object.keys(this.published)) delete this.published[key];
	}

	addTarget(target: EventTarget): void {
		this.targets.push(target);
	}

	executionChanged(execution: ExecutionRecord, time: number): void {
		if (time >= this.origin && this.targets.length > 0) this.publish(executionEvent(execution, time), time);
	}

	stepChanged(execution: ExecutionRecord, step: StepRecord, time: number): void {
		if (time >= this.origin && this.targets.length > 0) this.publish(stepEvent(execution, step, time), time);
	}

	publish(event: AutomationEvent, at: number): void {
		this.published[event['detail-type']] = (this.published[event['detail-type']] ?? 0) + 1;
		for (const target of this.targets) {
			if (matchesPattern(target.pattern, event)) target.deliver(event, at);
		}
	}
}
