/** The request budget's measurements, as the poller reports them (poller/budget-report.ts). */
import type {BudgetState} from './state.js';
import type {AppState, GetState, SetState} from './app-store.js';

export interface BudgetActions {
	budgetMeasured(budget: BudgetState): void;
}

/**
 * The header's calls per minute moves only when the measure moves by 3 % (and at least two
 * calls): a steady poll's window gains or loses a call as it slides, and that alone would rewrite
 * the header on refreshes that change nothing else (issue 10: 0 bytes per idle refresh).
 */
export function steadyCallsPerMinute(shown: number | undefined, measured: number): number {
	if (shown === undefined) return measured;
	return Math.abs(measured - shown) >= Math.max(2, shown * 0.03) ? measured : shown;
}

export function createBudgetActions(set: SetState, get: GetState): BudgetActions {
	return {
		budgetMeasured(budget) {
			const callsPerMinute = steadyCallsPerMinute(get().budget?.callsPerMinute, budget.callsPerMinute);
			set({budget: callsPerMinute === budget.callsPerMinute ? budget : {...budget, callsPerMinute}});
		},
	};
}

/** The budget as last measured (a stable reference: the store's own object). */
export function selectBudget(state: AppState): BudgetState | undefined {
	return state.budget;
}
