/** The store reaches the views through React context, so each test can render with a fresh one. */
import {createContext, useContext, type ReactNode} from 'react';
import {useStore} from 'zustand';
import type {AppState, AppStore} from '../store/app-store.js';

const StoreContext = createContext<AppStore | undefined>(undefined);

export function StoreProvider({store, children}: {readonly store: AppStore; readonly children: ReactNode}) {
	return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
	const store = useContext(StoreContext);
	if (!store) throw new Error('useAppStore must be used inside <StoreProvider>');
	return store;
}

let checkingSelectors = false;

/**
 * Tests turn this on (test/setup/selector-stability.ts): every selector read through useAppStore is
 * then called twice per read and must return the same reference for the same state. A selector that
 * builds a new object each time makes React re-render forever (React error #185: the stop dialog
 * crashed that way when opened from the list), so this fails loudly instead, naming the selector.
 */
export function checkSelectorStability(on: boolean): void {
	checkingSelectors = on;
}

function checked<T>(selector: (state: AppState) => T): (state: AppState) => T {
	return state => {
		const value = selector(state);
		if (!Object.is(value, selector(state))) throw new Error(`A store selector returned a new value for the same state: ${String(selector).slice(0, 160)}`);
		return value;
	};
}

/** Read the store through a selector; re-renders only when the selected value changes (Object.is). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
	return useStore(useAppStoreApi(), checkingSelectors ? checked(selector) : selector);
}
