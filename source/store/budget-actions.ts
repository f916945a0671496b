/** The request budget's measurements, as the poller reports them (poller/budget-report.ts). */
import type {BudgetState} from './state.js';
import type {AppState, SetState} from './app-store.js';

export interface BudgetActions {
	budgetMeasured(budget: BudgetState): void;
}

export function createBudgetActions(set: SetState): BudgetActions {
	return {
		budgetMeasured(budget) {
			set({budget});
		},
	};
}

/** The budget as last measured (a stable reference: the store's own object). */
export function selectBudget(state: AppState): BudgetState | undefined {
	return state.budget;
}
